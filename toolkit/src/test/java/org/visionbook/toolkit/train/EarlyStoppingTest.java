package org.visionbook.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    /** Feeds {@code values} (epochs 1, 2, ...) and returns the epoch on which the monitor said STOP, or -1. */
    private static int stopEpoch(EarlyStopping rule, double... values) {
        EarlyStopping.Monitor m = rule.monitor();
        for (int i = 0; i < values.length; i++) {
            if (m.observe(i + 1, values[i]) == EarlyStopping.Verdict.STOP) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void aLossThatStopsFallingStopsAfterPatienceEpochs() {
        EarlyStopping rule = EarlyStopping.on(Metric.VALIDATION_LOSS).patience(3);
        // best 0.7 at epoch 3; epochs 4, 5, 6 do not beat it
        assertEquals(6, stopEpoch(rule, 1.0, 0.8, 0.7, 0.75, 0.71, 0.9, 0.72, 0.5));
    }

    @Test
    void anImprovementResetsThePatience() {
        EarlyStopping rule = EarlyStopping.on(Metric.VALIDATION_LOSS).patience(2);
        // epoch 2 waits, epoch 3 improves (wait starts again), epochs 4 and 5 wait
        assertEquals(5, stopEpoch(rule, 1.0, 1.1, 0.9, 0.95, 0.96, 0.97));
    }

    @Test
    void accuracyMustRiseToCountAsImprovement() {
        EarlyStopping rule = EarlyStopping.on(Metric.VALIDATION_ACCURACY).patience(2);
        assertEquals(5, stopEpoch(rule, 0.5, 0.6, 0.7, 0.7, 0.65));
        assertEquals(-1, stopEpoch(rule, 0.5, 0.6, 0.7, 0.8));
    }

    @Test
    void improvementsSmallerThanMinDeltaDoNotCount() {
        EarlyStopping rule = EarlyStopping.on(Metric.TRAIN_LOSS).patience(2).minDelta(0.05);
        assertEquals(3, stopEpoch(rule, 1.0, 0.97, 0.96));
    }

    @Test
    void unmeasuredEpochsNeitherCountNorReset() {
        EarlyStopping rule = EarlyStopping.on(Metric.VALIDATION_LOSS).patience(2);
        assertEquals(5, stopEpoch(rule, 1.0, Double.NaN, 1.2, Double.NaN, 1.1));
    }

    @Test
    void theMonitorRemembersTheBestEpoch() {
        EarlyStopping.Monitor m = EarlyStopping.on(Metric.VALIDATION_LOSS).patience(10).monitor();
        double[] v = {0.9, 0.5, 0.7, 0.6};
        for (int i = 0; i < v.length; i++) {
            m.observe(i + 1, v[i]);
        }
        assertEquals(2, m.bestEpoch());
        assertEquals(0.5, m.best());
        assertEquals(2, m.waited());
    }

    @Test
    void patienceMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.on(Metric.TRAIN_LOSS).patience(0));
    }
}
