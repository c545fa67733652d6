package org.visionbook.toolkit.steps;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;
import org.visionbook.toolkit.io.AtomicFiles;

/**
 * A {@link Trace} as an animated GIF, one frame per step: the static fallback that plays anywhere
 * (slides, a README, a viewer that runs no scripts). Long traces are sampled down to
 * {@code maxFrames} frames, always keeping the first and the last step. Immutable.
 *
 * @param trace        what to animate
 * @param frameMillis  how long each frame shows; the last frame holds three times longer
 * @param maxFrames    at most this many frames
 * @param cellSize     pixels per grid cell, or 0 to fit the input into about 330 pixels
 */
public record StepAnimation(Trace trace, int frameMillis, int maxFrames, int cellSize) implements Displayable {

    public static final int DEFAULT_FRAME_MILLIS = 700;
    public static final int DEFAULT_MAX_FRAMES = 40;

    public StepAnimation {
        Objects.requireNonNull(trace, "trace");
        if (frameMillis < 10) {
            throw new IllegalArgumentException("frameMillis must be at least 10; got " + frameMillis);
        }
        if (maxFrames < 2) {
            throw new IllegalArgumentException("maxFrames must be at least 2; got " + maxFrames);
        }
        if (cellSize < 0) {
            throw new IllegalArgumentException("cellSize must be 0 (automatic) or positive; got " + cellSize);
        }
    }

    public static StepAnimation of(Trace trace) {
        return new StepAnimation(trace, DEFAULT_FRAME_MILLIS, DEFAULT_MAX_FRAMES, 0);
    }

    public StepAnimation withFrameMillis(int millis) {
        return new StepAnimation(trace, millis, maxFrames, cellSize);
    }

    public StepAnimation withMaxFrames(int frames) {
        return new StepAnimation(trace, frameMillis, frames, cellSize);
    }

    public StepAnimation withCellSize(int pixels) {
        return new StepAnimation(trace, frameMillis, maxFrames, pixels);
    }

    /** The steps that become frames: all of them, or an even sample including the first and last. */
    public int[] frameSteps() {
        int steps = trace.size();
        int frames = Math.min(steps, maxFrames);
        int[] chosen = new int[frames];
        for (int f = 0; f < frames; f++) {
            chosen[f] = frames == 1 ? 0 : (int) Math.round((double) f * (steps - 1) / (frames - 1));
        }
        return chosen;
    }

    /** The animated GIF, looping forever. */
    public byte[] gif() {
        TracePicture picture = new TracePicture(trace, cellSize);
        int[] steps = frameSteps();
        List<BufferedImage> frames = new ArrayList<>();
        List<Integer> delays = new ArrayList<>();
        for (int f = 0; f < steps.length; f++) {
            frames.add(picture.frame(steps[f]));
            delays.add(f == steps.length - 1 ? 3 * frameMillis : frameMillis);
        }
        return Palette.gif(frames, delays);
    }

    /** The last frame (the finished output) as a PNG. */
    public byte[] lastFramePng() {
        return new TracePicture(trace, cellSize).strip(trace.size() - 1);
    }

    /** Writes the GIF to {@code file} via a temporary file in the same folder, so a failure leaves no half file. */
    public Path save(Path file) {
        Path target = file.toAbsolutePath();
        try {
            AtomicFiles.write(target, gif());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the animation to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /**
     * The GIF inside an HTML {@code <img>} (notebook front ends prefer HTML to images, and several
     * show no {@code image/gif} at all), the last frame as image/png, and a text summary.
     */
    @Override
    public MimeBundle toMimeBundle() {
        String gif = java.util.Base64.getEncoder().encodeToString(gif());
        return MimeBundle.of(trace.summary())
                .withHtml("<img src=\"data:image/gif;base64," + gif + "\" alt=\"" + StepThrough.escape(trace.summary())
                        + "\">")
                .withPng(lastFramePng());
    }
}
