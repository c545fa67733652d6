package org.visionbook.toolkit.train;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cosine annealing (Loshchilov and Hutter's SGDR without restarts): the value falls from
 * {@code initialValue} to {@code minValue} along half a cosine over {@code period} iterations or
 * epochs, then stays at {@code minValue}. DL4J 1.0.0-M2.1 has no cosine schedule, hence this one;
 * it serialises with the network configuration like DL4J's own schedules.
 */
public final class CosineSchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final ScheduleType scheduleType;
    private final double initialValue;
    private final double minValue;
    private final int period;

    public CosineSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                          @JsonProperty("initialValue") double initialValue,
                          @JsonProperty("minValue") double minValue,
                          @JsonProperty("period") int period) {
        if (period < 1) {
            throw new IllegalArgumentException("cosine schedule: period must be at least 1, got " + period);
        }
        if (scheduleType == null) {
            throw new IllegalArgumentException("cosine schedule: schedule type (ITERATION or EPOCH) is required");
        }
        this.scheduleType = scheduleType;
        this.initialValue = initialValue;
        this.minValue = minValue;
        this.period = period;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int t = Math.min(scheduleType == ScheduleType.ITERATION ? iteration : epoch, period);
        return minValue + 0.5 * (initialValue - minValue) * (1 + Math.cos(Math.PI * t / period));
    }

    @Override
    public ISchedule clone() {
        return new CosineSchedule(scheduleType, initialValue, minValue, period);
    }

    public ScheduleType getScheduleType() {
        return scheduleType;
    }

    public double getInitialValue() {
        return initialValue;
    }

    public double getMinValue() {
        return minValue;
    }

    public int getPeriod() {
        return period;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosineSchedule c && c.scheduleType == scheduleType && c.initialValue == initialValue
                && c.minValue == minValue && c.period == period;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(scheduleType, initialValue, minValue, period);
    }

    @Override
    public String toString() {
        return "CosineSchedule(" + scheduleType + ", " + initialValue + " -> " + minValue + " over " + period + ")";
    }
}
