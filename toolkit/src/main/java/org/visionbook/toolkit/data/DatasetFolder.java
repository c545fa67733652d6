package org.visionbook.toolkit.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the shipped datasets are, and the only way to read them: every read is checked
 * against the folder's {@code SHA256SUMS} before anyone parses a byte.
 *
 * <p>{@link #locate()} looks, in order, at the system property {@value #PROPERTY}, the
 * environment variable {@value #ENV}, a {@code datasets/SHA256SUMS} in the working directory
 * or any folder above it (notebooks run in {@code notebooks/}), and finally the copy packed
 * inside the toolkit jar, so the jar also works on its own.
 */
public final class DatasetFolder {

    /** System property naming the datasets folder. */
    public static final String PROPERTY = "visionbook.datasets";
    /** Environment variable naming the datasets folder. */
    public static final String ENV = "VISIONBOOK_DATASETS";
    /** The manifest of shipped files, in {@code sha256sum} format. */
    public static final String MANIFEST = "SHA256SUMS";
    /** The manifest of the optional full copies installed by Debian packages (absolute paths). */
    public static final String DEBIAN_MANIFEST = "DEBIAN-SHA256SUMS";
    /** Where the toolkit jar keeps its copy of {@code datasets/}. */
    public static final String RESOURCE_ROOT = "visionbook/datasets/";

    private static final Pattern MANIFEST_LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");
    // One instance per location, so what a folder has loaded and verified is shared.
    private static final Map<String, DatasetFolder> KNOWN = new ConcurrentHashMap<>();

    private final Path directory; // null for the copy inside the jar
    private final Map<String, String> expected;
    private final Map<String, Object> loaded = new ConcurrentHashMap<>();
    private volatile Map<String, String> debianByName;

    private DatasetFolder(Path directory) {
        this.directory = directory;
        this.expected = parseManifest(readRaw(MANIFEST, true), MANIFEST);
    }

    /** The datasets folder this run should use (see the class comment for the search order). */
    public static DatasetFolder locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return configured(Path.of(property.trim()), "system property " + PROPERTY);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return configured(Path.of(env.trim()), "environment variable " + ENV);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("datasets").resolve(MANIFEST))) {
                return at(p.resolve("datasets"));
            }
        }
        if (DatasetFolder.class.getClassLoader().getResource(RESOURCE_ROOT + MANIFEST) != null) {
            return packaged();
        }
        throw new DatasetException("No visionbook datasets found: there is no datasets/" + MANIFEST + " in " + start
                + " or any folder above it, and none inside the toolkit jar. Run from inside a visionbook clone, "
                + "or set " + ENV + " (or -D" + PROPERTY + ") to the clone's datasets folder.");
    }

    /** The datasets folder at {@code directory}, which must hold a {@code SHA256SUMS}. */
    public static DatasetFolder at(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            throw new DatasetException(dir + " is not a visionbook datasets folder: it has no " + MANIFEST
                    + ". Point at the datasets/ folder of a visionbook clone.");
        }
        return KNOWN.computeIfAbsent(dir.toString(), k -> new DatasetFolder(dir));
    }

    /** The copy of {@code datasets/} packed inside the toolkit jar. */
    public static DatasetFolder packaged() {
        if (DatasetFolder.class.getClassLoader().getResource(RESOURCE_ROOT + MANIFEST) == null) {
            throw new DatasetException("The toolkit jar has no packed datasets (resource " + RESOURCE_ROOT + MANIFEST
                    + " is missing). Rebuild the toolkit (mvn -pl toolkit package) from a complete clone.");
        }
        return KNOWN.computeIfAbsent("classpath:" + RESOURCE_ROOT, k -> new DatasetFolder(null));
    }

    private static DatasetFolder configured(Path dir, String source) {
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            throw new DatasetException(source + " names " + dir.toAbsolutePath() + ", which has no " + MANIFEST
                    + ". Set it to the datasets/ folder of a visionbook clone, or unset it.");
        }
        return at(dir);
    }

    /** The folder on disk, or empty for the copy inside the jar. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The shipped files and their SHA-256, as listed in {@code SHA256SUMS}. */
    public Map<String, String> manifest() {
        return Map.copyOf(expected);
    }

    /**
     * The bytes of a shipped file ({@code relativePath} as written in {@code SHA256SUMS}, e.g.
     * {@code mnist/train-images-idx3-ubyte.gz}), after checking their SHA-256.
     *
     * @throws DatasetException naming the file when it is unlisted, missing or changed
     */
    public byte[] read(String relativePath) {
        String want = expected.get(relativePath);
        if (want == null) {
            throw new DatasetException(where(relativePath) + " is not listed in " + where(MANIFEST)
                    + ", so it cannot be checked. " + remedy());
        }
        byte[] bytes = readRaw(relativePath, false);
        String got = sha256(bytes);
        if (!got.equals(want)) {
            throw new DatasetException("Dataset file is corrupt: " + where(relativePath) + " has SHA-256 " + got
                    + " but " + MANIFEST + " expects " + want + ". " + remedy());
        }
        return bytes;
    }

    /** Human-readable location of a file in this folder, for messages. */
    public String where(String relativePath) {
        return directory != null ? directory.resolve(relativePath).toString()
                : RESOURCE_ROOT + relativePath + " (inside the toolkit jar)";
    }

    /**
     * The expected SHA-256 of a full dataset file installed by a Debian package, by file name
     * (from {@code DEBIAN-SHA256SUMS}), or empty when none is recorded.
     */
    public Optional<String> debianSha256(String fileName) {
        Map<String, String> byName = debianByName;
        if (byName == null) {
            Map<String, String> parsed = new LinkedHashMap<>();
            parseManifest(readRaw(DEBIAN_MANIFEST, true), DEBIAN_MANIFEST)
                    .forEach((path, hash) -> parsed.put(Path.of(path).getFileName().toString(), hash));
            byName = debianByName = Map.copyOf(parsed);
        }
        return Optional.ofNullable(byName.get(fileName));
    }

    /**
     * Loads a value once per folder (parsed datasets are immutable and shared, and stay in
     * memory for the life of the JVM). {@code load} must not call {@code once} itself.
     */
    @SuppressWarnings("unchecked")
    <T> T once(String key, Supplier<T> load) {
        return (T) loaded.computeIfAbsent(key, k -> load.get());
    }

    @Override
    public String toString() {
        return directory != null ? "datasets folder " + directory : "datasets packed in the toolkit jar";
    }

    String remedy() {
        return directory != null
                ? "Restore it with `git checkout -- datasets` (or re-clone visionbook), or rebuild it with "
                        + "`python3 datasets/tools/make_datasets.py`."
                : "The toolkit jar is damaged: rebuild it (mvn -pl toolkit package), or set " + ENV
                        + " to the datasets folder of a visionbook clone.";
    }

    /** Reads a file outside any datasets folder and checks it against {@code sha256}. */
    static byte[] readChecked(Path file, String sha256, String remedy) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException("Dataset file is missing: " + file + ". " + remedy, e);
        } catch (IOException e) {
            throw new DatasetException("Cannot read dataset file " + file + ": " + e.getMessage() + ". " + remedy, e);
        }
        String got = sha256(bytes);
        if (!got.equals(sha256)) {
            throw new DatasetException("Dataset file is corrupt: " + file + " has SHA-256 " + got + " but "
                    + DEBIAN_MANIFEST + " expects " + sha256 + ". " + remedy);
        }
        return bytes;
    }

    private byte[] readRaw(String relativePath, boolean manifest) {
        String what = manifest ? "Dataset manifest" : "Dataset file";
        try {
            if (directory != null) {
                return Files.readAllBytes(directory.resolve(relativePath));
            }
            try (InputStream in = DatasetFolder.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + relativePath)) {
                if (in == null) {
                    throw new NoSuchFileException(RESOURCE_ROOT + relativePath);
                }
                return in.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            throw new DatasetException(what + " is missing: " + where(relativePath) + ". " + remedy(), e);
        } catch (IOException e) {
            throw new DatasetException("Cannot read " + where(relativePath) + ": " + e.getMessage() + ". " + remedy(), e);
        }
    }

    private Map<String, String> parseManifest(byte[] bytes, String name) {
        Map<String, String> entries = new LinkedHashMap<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = MANIFEST_LINE.matcher(line);
            if (!m.matches()) {
                throw new DatasetException(where(name) + " line " + (i + 1) + " is not a sha256sum line: '" + line
                        + "'. " + remedy());
            }
            entries.put(m.group(2), m.group(1));
        }
        return Map.copyOf(entries);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
