package org.visionbook.toolkit.train;

import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Learning-rate schedules as DL4J {@link ISchedule}s, ready for an updater
 * ({@code new Adam(Schedules.cosine(1e-3, 0, 10 * batchesPerEpoch))} or
 * {@link Optimizer#adam(ISchedule)}). DL4J's own classes where it has them (fixed, step,
 * exponential); {@link CosineSchedule} and {@link WarmupSchedule} where it does not.
 *
 * <p>DL4J calls a schedule with the iteration (parameter updates so far, from 0) and the epoch
 * (completed epochs, from 0); the {@link Trainer} counts both.
 */
public final class Schedules {

    private Schedules() {
    }

    /** The same value always. */
    public static ISchedule constant(double lr) {
        return new FixedSchedule(lr);
    }

    /** {@code lr * factor^floor(epoch / everyEpochs)}: e.g. halve every 3 epochs. */
    public static ISchedule step(double lr, double factor, int everyEpochs) {
        positive(everyEpochs, "step schedule: epochs between steps");
        return new StepSchedule(ScheduleType.EPOCH, lr, factor, everyEpochs);
    }

    /** {@code lr * gamma^epoch}. */
    public static ISchedule exponential(double lr, double gamma) {
        return new ExponentialSchedule(ScheduleType.EPOCH, lr, gamma);
    }

    /** From {@code lr} down to {@code minLr} along half a cosine over {@code iterations} updates. */
    public static ISchedule cosine(double lr, double minLr, int iterations) {
        return new CosineSchedule(ScheduleType.ITERATION, lr, minLr, iterations);
    }

    /** {@code base}, scaled up linearly from {@code 1/warmupIterations} of its value over the first updates. */
    public static ISchedule warmup(ISchedule base, int warmupIterations) {
        return new WarmupSchedule(base, warmupIterations);
    }

    /** Linear warm-up, then cosine annealing to {@code minLr} at iteration {@code iterations}. */
    public static ISchedule warmupCosine(double lr, double minLr, int warmupIterations, int iterations) {
        return warmup(cosine(lr, minLr, iterations), warmupIterations);
    }

    /**
     * The schedule's value at iterations 0, 1, ..., {@code iterations - 1} with
     * {@code batchesPerEpoch} updates per epoch: what a chart of the schedule plots.
     */
    public static double[] values(ISchedule schedule, int iterations, int batchesPerEpoch) {
        positive(batchesPerEpoch, "batches per epoch");
        double[] v = new double[Math.max(0, iterations)];
        for (int i = 0; i < v.length; i++) {
            v[i] = schedule.valueAt(i, i / batchesPerEpoch);
        }
        return v;
    }

    private static void positive(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + n);
        }
    }
}
