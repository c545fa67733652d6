package org.visionbook.kernel.engine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Owns {@code System.out}, {@code System.err} and {@code System.in} while an engine runs: cells
 * execute in the engine's own JVM, so whatever any thread prints must reach the cell that is running
 * (or the last one, for late output of background threads).
 *
 * <p>Text is buffered and sent in chunks (every 100 ms, at 64 KiB, and before any rich output so
 * order is kept), and each cell may print at most {@code limitBytes}: the rest is counted, dropped
 * and reported in one note at the end, so 100 MB of {@code println} cannot flood the notebook.
 */
final class OutputRouter implements AutoCloseable {

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final long FLUSH_EVERY_MS = 100;

    private final long limitBytes;
    private final PrintStream terminalOut;
    private final PrintStream terminalErr;
    private final InputStream terminalIn;
    private final ScheduledExecutorService flusher;
    private volatile CellStreams current;

    OutputRouter(long limitBytes) {
        this.limitBytes = limitBytes;
        this.terminalOut = System.out;
        this.terminalErr = System.err;
        this.terminalIn = System.in;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "visionbook-output-flusher");
            t.setDaemon(true);
            return t;
        });
        System.setOut(new PrintStream(new Routed(CellListener.STDOUT), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routed(CellListener.STDERR), true, StandardCharsets.UTF_8));
        System.setIn(new RoutedInput());
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_EVERY_MS, FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** The process's real standard output, for progress lines that must not land in a notebook. */
    PrintStream terminalOut() {
        return terminalOut;
    }

    PrintStream terminalErr() {
        return terminalErr;
    }

    /** Starts routing to {@code listener}; earlier cells' buffered text is sent first. */
    CellStreams open(CellListener listener) {
        CellStreams previous = current;
        if (previous != null) {
            previous.flush();
        }
        CellStreams streams = new CellStreams(listener, limitBytes);
        current = streams;
        return streams;
    }

    /** Flushes {@code streams} and reports what was dropped; late output still goes there. */
    void finish(CellStreams streams) {
        System.out.flush();
        System.err.flush();
        streams.finish();
    }

    CellStreams current() {
        return current;
    }

    private void flushQuietly() {
        try {
            CellStreams streams = current;
            if (streams != null) {
                streams.flush();
            }
        } catch (Throwable ignored) {
            // An OutOfMemoryError or a closed socket must not stop the flusher for later cells.
        }
    }

    @Override
    public void close() {
        flushQuietly();
        flusher.shutdownNow();
        System.setOut(terminalOut);
        System.setErr(terminalErr);
        System.setIn(terminalIn);
    }

    private final class Routed extends OutputStream {
        private final String stream;

        Routed(String stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CellStreams streams = current;
            if (streams != null) {
                streams.write(stream, b, off, len);
            } else {
                (CellListener.STDERR.equals(stream) ? terminalErr : terminalOut).write(b, off, len);
            }
        }
    }

    /** {@code System.in}: lines typed by the user through the listener (Jupyter's stdin channel). */
    private final class RoutedInput extends InputStream {
        private byte[] line = new byte[0];
        private int pos;

        @Override
        public synchronized int read() {
            if (!fill()) {
                return -1;
            }
            return line[pos++] & 0xFF;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, line.length - pos);
            System.arraycopy(line, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public synchronized int available() {
            return line.length - pos;
        }

        private boolean fill() {
            if (pos < line.length) {
                return true;
            }
            CellStreams streams = current;
            String typed = streams == null ? null : streams.readLine();
            if (typed == null) {
                return false;
            }
            line = (typed + "\n").getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }
    }

    /** One cell's stdout and stderr: buffers, the byte budget, and ordered delivery to the listener. */
    static final class CellStreams {
        private final CellListener listener;
        private final long limitBytes;
        private final Buffer out = new Buffer(CellListener.STDOUT);
        private final Buffer err = new Buffer(CellListener.STDERR);
        private long accepted;

        CellStreams(CellListener listener, long limitBytes) {
            this.listener = listener;
            this.limitBytes = limitBytes;
        }

        synchronized void write(String stream, byte[] b, int off, int len) {
            Buffer target = CellListener.STDERR.equals(stream) ? err : out;
            Buffer other = target == out ? err : out;
            other.send(listener, true);
            long room = Math.max(0, limitBytes - accepted);
            int take = (int) Math.min(len, room);
            target.bytes.write(b, off, take);
            target.dropped += len - take;
            target.printed += len;
            accepted += take;
            if (target.bytes.size() >= CHUNK_BYTES) {
                target.send(listener, false);
            }
        }

        synchronized void flush() {
            out.send(listener, false);
            err.send(listener, false);
        }

        /** Runs {@code action} on the listener after all text printed so far, so outputs stay in order. */
        synchronized void emit(Consumer<CellListener> action) {
            out.send(listener, true);
            err.send(listener, true);
            action.accept(listener);
        }

        synchronized void finish() {
            out.send(listener, true);
            err.send(listener, true);
            for (Buffer b : new Buffer[] {out, err}) {
                if (b.dropped > 0) {
                    safely(() -> listener.stream(b.stream, truncationNote(b)));
                    b.dropped = 0;
                    b.printed = 0;
                }
            }
        }

        String readLine() {
            flush();
            return listener.readLine("");
        }

        private String truncationNote(Buffer b) {
            return String.format(Locale.ROOT,
                    "%n[visionbook] output truncated: this cell printed %s on %s; only the first %s of"
                            + " output per cell are kept (%s dropped). Raise the limit with"
                            + " -Dvisionbook.maxOutputBytes=... in kernel.json.%n",
                    size(b.printed), b.stream, size(limitBytes), size(b.dropped));
        }

        private static void safely(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // A listener that cannot deliver (closed socket) must not break the cell.
            }
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static final class Buffer {
        final String stream;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long dropped;
        long printed;

        Buffer(String stream) {
            this.stream = stream;
        }

        /** Sends what is buffered; an incomplete UTF-8 character waits unless {@code all}. */
        void send(CellListener listener, boolean all) {
            if (bytes.size() == 0) {
                return;
            }
            byte[] raw = bytes.toByteArray();
            int cut = all ? raw.length : completeUtf8Prefix(raw);
            bytes.reset();
            bytes.write(raw, cut, raw.length - cut);
            if (cut > 0) {
                String text = new String(raw, 0, cut, StandardCharsets.UTF_8);
                CellStreams.safely(() -> listener.stream(stream, text));
            }
        }
    }

    /** Length of the longest prefix of {@code b} that ends on a whole UTF-8 character. */
    static int completeUtf8Prefix(byte[] b) {
        int n = b.length;
        int i = n - 1;
        while (i >= 0 && n - i <= 4 && (b[i] & 0xC0) == 0x80) {
            i--;
        }
        if (i < 0) {
            return n;
        }
        int lead = b[i] & 0xFF;
        int need = lead < 0x80 ? 1 : (lead >> 5) == 0b110 ? 2 : (lead >> 4) == 0b1110 ? 3 : (lead >> 3) == 0b11110 ? 4 : 1;
        return n - i >= need ? n : i;
    }
}
