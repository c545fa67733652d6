package org.visionbook.toolkit.train;

import org.visionbook.toolkit.display.Display;

/**
 * Progress for a terminal or a headless run: a line per epoch, plus a line within an epoch only
 * when the last one is more than {@code lineEveryNanos} old. A 50-epoch run prints about 50 lines,
 * not thousands.
 */
final class TextProgress implements ProgressView {

    private final long lineEveryNanos;
    private long lastLine;

    TextProgress(long lineEveryNanos) {
        this.lineEveryNanos = lineEveryNanos;
    }

    @Override
    public void begin(Progress p) {
        Display.show("training " + p.modelName + ": epochs " + p.firstEpoch + "-" + p.lastEpoch);
        lastLine = System.nanoTime();
    }

    @Override
    public void batch(Progress p) {
        long now = System.nanoTime();
        if (now - lastLine >= lineEveryNanos) {
            Display.show("  " + p.line());
            lastLine = now;
        }
    }

    @Override
    public void epochEnd(Progress p, EpochRecord record) {
        Display.show(Progress.epochLine(record, p.lastEpoch));
        lastLine = System.nanoTime();
    }

    @Override
    public void end(Progress p, TrainingResult result) {
        Display.show(result.summary());
    }
}
