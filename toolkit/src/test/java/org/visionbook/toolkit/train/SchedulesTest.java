package org.visionbook.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.schedule.ISchedule;

class SchedulesTest {

    @Test
    void stepHalvesEveryThreeEpochs() {
        ISchedule s = Schedules.step(0.1, 0.5, 3);
        assertEquals(0.1, s.valueAt(999, 0), 1e-12);
        assertEquals(0.1, s.valueAt(0, 2), 1e-12);
        assertEquals(0.05, s.valueAt(0, 3), 1e-12);
        assertEquals(0.025, s.valueAt(0, 7), 1e-12);
    }

    @Test
    void exponentialMultipliesByGammaEachEpoch() {
        ISchedule s = Schedules.exponential(0.2, 0.9);
        assertEquals(0.2, s.valueAt(50, 0), 1e-12);
        assertEquals(0.2 * 0.9 * 0.9 * 0.9, s.valueAt(0, 3), 1e-12);
    }

    @Test
    void cosineFallsFromStartToMinimumAlongHalfACosine() {
        ISchedule s = Schedules.cosine(1.0, 0.1, 100);
        assertEquals(1.0, s.valueAt(0, 0), 1e-12);
        assertEquals(0.55, s.valueAt(50, 0), 1e-12, "half way: the mean of start and minimum");
        assertEquals(0.1 + 0.45 * (1 + Math.cos(Math.PI * 0.25)), s.valueAt(25, 0), 1e-12);
        assertEquals(0.1, s.valueAt(100, 0), 1e-12);
        assertEquals(0.1, s.valueAt(500, 3), 1e-12, "stays at the minimum after the period");
    }

    @Test
    void warmupRampsLinearlyThenFollowsTheBase() {
        ISchedule s = Schedules.warmup(Schedules.constant(0.4), 4);
        double[] v = Schedules.values(s, 6, 100);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.4, 0.4}, v, 1e-12);
    }

    @Test
    void warmupCosineIsTheRampTimesTheCosine() {
        ISchedule s = Schedules.warmupCosine(1.0, 0.0, 10, 100);
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 0 / 100)), s.valueAt(0, 0), 1e-12);
        assertEquals(0.5 * 0.5 * (1 + Math.cos(Math.PI * 4 / 100)), s.valueAt(4, 0), 1e-12);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 60 / 100)), s.valueAt(60, 0), 1e-12);
    }

    @Test
    void valuesUsesTheEpochOfEachIteration() {
        double[] v = Schedules.values(Schedules.step(1.0, 0.1, 1), 5, 2);
        assertArrayEquals(new double[] {1.0, 1.0, 0.1, 0.1, 0.01}, v, 1e-12);
    }

    @Test
    void ourSchedulesSurviveTheNetworkJsonThatCheckpointsStore() {
        for (ISchedule s : List.of(Schedules.cosine(0.01, 0.001, 50), Schedules.warmupCosine(0.01, 0, 5, 50),
                Schedules.warmup(Schedules.step(0.1, 0.5, 2), 3))) {
            MultiLayerConfiguration conf = Tiny.cnnConf(1, new Adam(s), 8);
            MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
            IUpdater u = ((BaseLayer) back.getConf(0).getLayer()).getIUpdater();
            for (int i : new int[] {0, 3, 17, 49, 80}) {
                assertEquals(s.valueAt(i, i / 10), u.getLearningRate(i, i / 10), 1e-15, s + " at iteration " + i);
            }
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedules.warmup(Schedules.constant(1), 0));
        assertEquals("warm-up schedule: warm-up must last at least 1 iteration, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedules.cosine(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Schedules.step(1, 0.5, 0));
    }

    @Test
    void optimisersMapToDl4jUpdatersAndAdamWAddsDecoupledWeightDecay() {
        assertEquals(new Sgd(0.1), Optimizer.sgd(0.1).updater());
        assertEquals(new Nesterovs(0.1, 0.9), Optimizer.momentum(0.1, 0.9).updater());
        assertEquals(new Adam(1e-3), Optimizer.adam(1e-3).updater());
        Optimizer adamW = Optimizer.adamW(1e-3, 0.01);
        assertEquals(new Adam(1e-3), adamW.updater());
        org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder b = new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder();
        adamW.applyTo(b);
        MultiLayerConfiguration conf = b.list()
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(3).nOut(2).build())
                .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder().nIn(2).nOut(2).build()).build();
        BaseLayer layer = (BaseLayer) conf.getConf(0).getLayer();
        assertEquals(2, layer.getRegularization().size(), "DL4J M2.1 copies network-wide weight decay twice; when fixed, drop fixWeightDecay");
        Optimizer.fixWeightDecay(conf);
        List<Regularization> reg = layer.getRegularization();
        assertEquals(1, reg.size(), reg.toString());
        WeightDecay wd = (WeightDecay) reg.get(0);
        assertEquals(0.01, wd.getCoeff().valueAt(0, 0), 1e-12);
        assertEquals(true, wd.isApplyLR(), "decoupled: scaled by the learning rate, applied after the updater");
        assertEquals(new Adam(1e-3), layer.getIUpdater());
    }
}
