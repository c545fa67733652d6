package org.visionbook.kernel.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How an {@link Engine} is set up. Immutable; start from {@link #defaults()} (which reads the
 * {@code visionbook.*} system properties and {@code VISIONBOOK_*} environment variables) and adjust
 * with the {@code with...} methods.
 *
 * @param startupScript         Java code run before the first cell (imports, helpers)
 * @param importToolkitPackages whether every {@code org.visionbook.toolkit.*} package is imported
 * @param maxOutputBytes        text a cell may print before the rest is dropped (with a note)
 * @param interruptGraceMillis  how long an interrupted cell may take to stop before its thread is stopped
 */
public record EngineConfig(String startupScript, boolean importToolkitPackages, long maxOutputBytes,
                           long interruptGraceMillis) {

    /** {@code -Dvisionbook.startup=FILE} or {@code VISIONBOOK_STARTUP=FILE}: replaces the default startup script. */
    public static final String STARTUP_PROPERTY = "visionbook.startup";
    public static final String MAX_OUTPUT_PROPERTY = "visionbook.maxOutputBytes";
    public static final String INTERRUPT_GRACE_PROPERTY = "visionbook.interruptGraceMillis";

    public static final long DEFAULT_MAX_OUTPUT_BYTES = 2L * 1024 * 1024;
    public static final long DEFAULT_INTERRUPT_GRACE_MILLIS = 1000;

    public EngineConfig {
        if (startupScript == null) {
            startupScript = "";
        }
        if (maxOutputBytes < 0) {
            throw new IllegalArgumentException("maxOutputBytes must be >= 0, got " + maxOutputBytes);
        }
        if (interruptGraceMillis < 0) {
            throw new IllegalArgumentException("interruptGraceMillis must be >= 0, got " + interruptGraceMillis);
        }
    }

    /** The configuration a kernel or runner gets from its JVM's properties and environment. */
    public static EngineConfig defaults() {
        String startupFile = setting(STARTUP_PROPERTY, "VISIONBOOK_STARTUP");
        String script = startupFile == null ? defaultStartupScript() : read(Path.of(startupFile));
        return new EngineConfig(script, true,
                parseBytes(setting(MAX_OUTPUT_PROPERTY, "VISIONBOOK_MAX_OUTPUT_BYTES"), DEFAULT_MAX_OUTPUT_BYTES),
                Long.parseLong(orElse(setting(INTERRUPT_GRACE_PROPERTY, "VISIONBOOK_INTERRUPT_GRACE_MILLIS"),
                        String.valueOf(DEFAULT_INTERRUPT_GRACE_MILLIS))));
    }

    /** The startup script shipped with the kernel: common JDK, ND4J, Tablesaw and XChart imports. */
    public static String defaultStartupScript() {
        try (InputStream in = EngineConfig.class.getResourceAsStream("/org/visionbook/kernel/startup.jsh")) {
            if (in == null) {
                throw new IllegalStateException("the kernel jar lacks org/visionbook/kernel/startup.jsh");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EngineConfig withStartupScript(String script) {
        return new EngineConfig(script, importToolkitPackages, maxOutputBytes, interruptGraceMillis);
    }

    public EngineConfig withMaxOutputBytes(long bytes) {
        return new EngineConfig(startupScript, importToolkitPackages, bytes, interruptGraceMillis);
    }

    public EngineConfig withInterruptGraceMillis(long millis) {
        return new EngineConfig(startupScript, importToolkitPackages, maxOutputBytes, millis);
    }

    public EngineConfig withImportToolkitPackages(boolean yes) {
        return new EngineConfig(startupScript, yes, maxOutputBytes, interruptGraceMillis);
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String orElse(String v, String fallback) {
        return v == null ? fallback : v;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the startup script " + file + " (set by "
                    + STARTUP_PROPERTY + " or VISIONBOOK_STARTUP): " + e.getMessage(), e);
        }
    }

    /** Parses {@code 2000000}, {@code 512k}, {@code 2m}, {@code 1g}. */
    static long parseBytes(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a byte size: '" + text + "' (use e.g. 2000000, 512k, 2m)", e);
        }
    }
}
