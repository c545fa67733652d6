package org.visionbook.toolkit.display;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The toolkit's way to show things (a training dashboard, a widget) without knowing who is
 * watching. The kernel installs a sink that sends {@code display_data}; elsewhere the console
 * sink prints each value's plain text.
 */
public final class Display {

    private static volatile DisplaySink sink = new ConsoleSink(System.out);

    private Display() {
    }

    /** Installs {@code newSink} and returns the one it replaces. */
    public static DisplaySink install(DisplaySink newSink) {
        DisplaySink old = sink;
        sink = Objects.requireNonNull(newSink, "sink");
        return old;
    }

    public static DisplaySink sink() {
        return sink;
    }

    public static String show(Object value) {
        return sink.display(value);
    }

    public static void update(String displayId, Object value) {
        sink.update(displayId, value);
    }

    public static boolean isRich() {
        return sink.isRich();
    }

    /** Plain-text form of anything: a {@link Displayable}'s fallback, else {@code toString()}. */
    public static String plainText(Object value) {
        if (value instanceof Displayable d) {
            return d.toMimeBundle().plainText();
        }
        return String.valueOf(value);
    }

    /** Prints each shown value's plain text on its own line; updates print again. */
    public static final class ConsoleSink implements DisplaySink {
        private final PrintStream out;
        private final AtomicLong ids = new AtomicLong();

        public ConsoleSink(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
        }

        @Override
        public String display(Object value) {
            out.println(plainText(value));
            return "console-" + ids.incrementAndGet();
        }

        @Override
        public void update(String displayId, Object value) {
            out.println(plainText(value));
        }

        @Override
        public boolean isRich() {
            return false;
        }
    }
}
