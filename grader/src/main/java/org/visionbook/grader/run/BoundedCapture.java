package org.visionbook.grader.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a process's stream to the end and keeps at most {@code limit} bytes of it: the start and
 * the last few kilobytes. A process printing 50 MB costs the grader no more memory than one
 * printing 1 MB, and never blocks on a full pipe.
 */
final class BoundedCapture implements Runnable {

    private static final int TAIL = 8 * 1024;

    private final InputStream in;
    private final int headLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail = new byte[TAIL];
    private long tailWritten;
    private long total;

    BoundedCapture(InputStream in, long limit) {
        this.in = in;
        this.headLimit = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 16, limit - TAIL));
    }

    @Override
    public void run() {
        byte[] buf = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                accept(buf, n);
            }
        } catch (IOException e) {
            // the stream closes when the process is killed; what was read is kept
        }
    }

    private synchronized void accept(byte[] buf, int n) {
        int toHead = (int) Math.max(0, Math.min(n, headLimit - head.size()));
        head.write(buf, 0, toHead);
        for (int i = toHead; i < n; i++) {
            tail[(int) (tailWritten++ % TAIL)] = buf[i];
        }
        total += n;
    }

    synchronized long total() {
        return total;
    }

    synchronized boolean truncated() {
        return tailWritten > TAIL;
    }

    /** The kept text: the start, a note of how much was cut, and the end. */
    synchronized String text() {
        StringBuilder sb = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        long kept = Math.min(tailWritten, TAIL);
        if (tailWritten > TAIL) {
            sb.append("\n[... ").append(tailWritten - TAIL).append(" bytes of output dropped ...]\n");
        }
        byte[] end = new byte[(int) kept];
        for (int i = 0; i < kept; i++) {
            end[i] = tail[(int) ((tailWritten - kept + i) % TAIL)];
        }
        return sb.append(new String(end, StandardCharsets.UTF_8)).toString();
    }
}
