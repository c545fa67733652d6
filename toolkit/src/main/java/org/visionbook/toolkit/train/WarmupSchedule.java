package org.visionbook.toolkit.train;

import java.util.Objects;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Linear warm-up in front of any schedule: during the first {@code warmupIterations} iterations the
 * value is {@code base(i) * (i + 1) / warmupIterations}, afterwards {@code base(i)}. This is what
 * DL4J's {@code RampSchedule} computes, but that class cannot be read back from a saved model
 * (it has no JSON constructor), so checkpoints of networks using it fail to load; this one can.
 */
public final class WarmupSchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final ISchedule base;
    private final int warmupIterations;

    public WarmupSchedule(@JsonProperty("base") ISchedule base, @JsonProperty("warmupIterations") int warmupIterations) {
        this.base = Objects.requireNonNull(base, "warm-up schedule: base schedule");
        if (warmupIterations < 1) {
            throw new IllegalArgumentException("warm-up schedule: warm-up must last at least 1 iteration, got "
                    + warmupIterations);
        }
        this.warmupIterations = warmupIterations;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double value = base.valueAt(iteration, epoch);
        if (iteration >= warmupIterations) {
            return value;
        }
        return value * (iteration + 1) / warmupIterations;
    }

    @Override
    public ISchedule clone() {
        return new WarmupSchedule(base.clone(), warmupIterations);
    }

    public ISchedule getBase() {
        return base;
    }

    public int getWarmupIterations() {
        return warmupIterations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WarmupSchedule w && w.warmupIterations == warmupIterations && w.base.equals(base);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, warmupIterations);
    }

    @Override
    public String toString() {
        return "WarmupSchedule(" + warmupIterations + " iterations, then " + base + ")";
    }
}
