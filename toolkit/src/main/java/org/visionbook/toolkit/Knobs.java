package org.visionbook.toolkit;

import java.util.OptionalInt;

/**
 * Small-data knobs, so the same notebook runs in seconds in CI and in full on a laptop.
 *
 * <ul>
 *   <li>{@code VISIONBOOK_LIMIT} (or system property {@code visionbook.limit}): the most
 *       examples any dataset loader returns.</li>
 *   <li>{@code VISIONBOOK_EPOCHS} (or {@code visionbook.epochs}): the most epochs any training
 *       runs. It caps, never raises: a notebook asking for 20 epochs trains
 *       {@code min(20, knob)}, so {@code VISIONBOOK_EPOCHS=1} is a quick pass and never more work.
 *       {@link #epochs(int)} and the toolkit's {@code Trainer} apply the same rule.</li>
 *   <li>{@code VISIONBOOK_THREADS} (or {@code visionbook.threads}): the number of native threads
 *       ND4J uses (see {@code org.visionbook.toolkit.perf.Performance}).</li>
 * </ul>
 *
 * A system property wins over the environment variable (it is the more local setting). Values
 * are read on every call, so a notebook may change them between cells. A value that is not a
 * whole number of at least 1 is an error, never silently ignored.
 */
public final class Knobs {

    public static final String LIMIT_ENV = "VISIONBOOK_LIMIT";
    public static final String LIMIT_PROPERTY = "visionbook.limit";
    public static final String EPOCHS_ENV = "VISIONBOOK_EPOCHS";
    public static final String EPOCHS_PROPERTY = "visionbook.epochs";
    public static final String THREADS_ENV = "VISIONBOOK_THREADS";
    public static final String THREADS_PROPERTY = "visionbook.threads";

    private Knobs() {
    }

    /** The most examples a loader may return, if a limit is set. */
    public static OptionalInt limit() {
        return read(LIMIT_PROPERTY, LIMIT_ENV, "caps how many examples each dataset loader returns");
    }

    /** {@code wanted}, capped by the limit knob when one is set. */
    public static int limit(int wanted) {
        OptionalInt cap = limit();
        return cap.isPresent() ? Math.min(wanted, cap.getAsInt()) : wanted;
    }

    /** The most epochs any training may run, if the knob is set. */
    public static OptionalInt epochs() {
        return read(EPOCHS_PROPERTY, EPOCHS_ENV, "caps how many epochs every training cell runs");
    }

    /** {@code notebookEpochs}, capped by the epochs knob when one is set (never raised by it). */
    public static int epochs(int notebookEpochs) {
        OptionalInt cap = epochs();
        return cap.isPresent() ? Math.min(notebookEpochs, cap.getAsInt()) : notebookEpochs;
    }

    /** The number of native threads ND4J should use, if set. */
    public static OptionalInt threads() {
        return read(THREADS_PROPERTY, THREADS_ENV, "sets how many native threads ND4J uses");
    }

    private static OptionalInt read(String property, String env, String purpose) {
        String value = System.getProperty(property);
        String source = "system property " + property;
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
            source = "environment variable " + env;
        }
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(parsePositive(value, source, purpose));
    }

    static int parsePositive(String value, String source, String purpose) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            parsed = 0;
        }
        if (parsed < 1) {
            throw new IllegalArgumentException(source + " is '" + value + "', which is not a whole number of at least 1. "
                    + "It " + purpose + "; set it to e.g. 256, or unset it.");
        }
        return parsed;
    }
}
