package org.visionbook.bench;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;

/**
 * What one benchmark run varies: the network's data layout, workspace and cache modes, how
 * batches reach the network, and how long it trains.
 *
 * @param format        NCHW (DL4J's default) or NHWC
 * @param workspaceMode ENABLED (default) or NONE
 * @param cacheMode     NONE (default), HOST or DEVICE
 * @param feed          how batches reach {@code fit}: the toolkit's Trainer, a DL4J iterator or pre-built arrays
 * @param epochs        timed epochs
 * @param batchSize     examples per step
 * @param seed          weights and shuffling
 * @param profile       what to profile, if anything
 * @param accelerate    apply the toolkit's speed settings ({@code Performance.accelerate}), the default
 * @param trainLimit    train on at most this many of the 8,000 digits (quicker profiles)
 */
record BenchSettings(CNN2DFormat format, WorkspaceMode workspaceMode, org.deeplearning4j.nn.conf.CacheMode cacheMode,
                     Feed feed, int epochs, int batchSize, long seed, Profile profile, int trainLimit, boolean accelerate) {

    /** How training batches reach the network. */
    enum Feed {
        /**
         * The toolkit's {@code Trainer} (no progress display), one {@code fit} per epoch, on the
         * toolkit's {@code ImageBatches}: exactly the path the chapters train through. The default.
         */
        TRAINER,
        /** {@code net.fit(iterator)} on the toolkit's {@code ImageBatches}, without the Trainer. */
        ITERATOR,
        /** Batches built once as arrays, shuffled by index each epoch, {@code net.fit(features, labels)} per step. */
        ARRAYS
    }

    /** Extra instrumentation for a run (all of it slows the run down). */
    enum Profile {
        NONE,
        /** ND4J's op profiler: time per op class, printed after the run. */
        OPS,
        /** Forward and backward time per layer, measured by hand around each call. */
        LAYERS
    }

    static BenchSettings defaults() {
        return new BenchSettings(CNN2DFormat.NCHW, WorkspaceMode.ENABLED, CacheMode.NONE, Feed.TRAINER, 5, 64, 1, Profile.NONE, Integer.MAX_VALUE, true);
    }

    private static boolean yesNo(String flag, String value) {
        return switch (value.toLowerCase()) {
            case "yes", "true", "on" -> true;
            case "no", "false", "off" -> false;
            default -> throw new IllegalArgumentException(flag + " takes yes or no, not " + value);
        };
    }

    static BenchSettings parse(String[] args) {
        BenchSettings s = defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("flag " + flag + " needs a value");
            }
            String v = args[++i];
            s = switch (flag) {
                case "--format" -> new BenchSettings(CNN2DFormat.valueOf(v.toUpperCase()), s.workspaceMode, s.cacheMode, s.feed, s.epochs, s.batchSize, s.seed, s.profile, s.trainLimit, s.accelerate);
                case "--workspace" -> new BenchSettings(s.format, WorkspaceMode.valueOf(v.toUpperCase()), s.cacheMode, s.feed, s.epochs, s.batchSize, s.seed, s.profile, s.trainLimit, s.accelerate);
                case "--cache" -> new BenchSettings(s.format, s.workspaceMode, CacheMode.valueOf(v.toUpperCase()), s.feed, s.epochs, s.batchSize, s.seed, s.profile, s.trainLimit, s.accelerate);
                case "--feed" -> new BenchSettings(s.format, s.workspaceMode, s.cacheMode, Feed.valueOf(v.toUpperCase()), s.epochs, s.batchSize, s.seed, s.profile, s.trainLimit, s.accelerate);
                case "--epochs" -> new BenchSettings(s.format, s.workspaceMode, s.cacheMode, s.feed, Integer.parseInt(v), s.batchSize, s.seed, s.profile, s.trainLimit, s.accelerate);
                case "--batch" -> new BenchSettings(s.format, s.workspaceMode, s.cacheMode, s.feed, s.epochs, Integer.parseInt(v), s.seed, s.profile, s.trainLimit, s.accelerate);
                case "--seed" -> new BenchSettings(s.format, s.workspaceMode, s.cacheMode, s.feed, s.epochs, s.batchSize, Long.parseLong(v), s.profile, s.trainLimit, s.accelerate);
                case "--profile" -> new BenchSettings(s.format, s.workspaceMode, s.cacheMode, s.feed, s.epochs, s.batchSize, s.seed, Profile.valueOf(v.toUpperCase()), s.trainLimit, s.accelerate);
                case "--train" -> new BenchSettings(s.format, s.workspaceMode, s.cacheMode, s.feed, s.epochs, s.batchSize, s.seed, s.profile, Integer.parseInt(v), s.accelerate);
                case "--accelerate" -> new BenchSettings(s.format, s.workspaceMode, s.cacheMode, s.feed, s.epochs, s.batchSize, s.seed, s.profile, s.trainLimit, yesNo(flag, v));
                default -> throw new IllegalArgumentException("unknown flag " + flag
                        + " (known: --format nchw|nhwc, --workspace enabled|none, --cache none|host|device, "
                        + "--feed trainer|iterator|arrays, --epochs N, --batch N, --seed N, --profile none|ops|layers, --train N, --accelerate yes|no)");
            };
        }
        if (s.epochs < 1 || s.batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch must be at least 1: " + s);
        }
        return s;
    }
}
