package org.visionbook.toolkit.data;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageBatchesTest {

    private static final LabelledImages DIGITS = Mnist.load(Split.TRAIN);

    @Test
    void batchesHaveImageShapedFeaturesAndOneHotLabels() {
        ImageBatches batches = DIGITS.iterator(64, 1);
        DataSet first = batches.next();
        assertArrayEquals(new long[]{64, 1, 28, 28}, first.getFeatures().shape());
        assertArrayEquals(new long[]{64, 10}, first.getLabels().shape());
        int[] order = batches.epochOrder();
        for (int b = 0; b < 64; b++) {
            assertEquals(DIGITS.label(order[b]), first.getLabels().getRow(b).argMax().getInt(0));
            assertEquals(1f, first.getLabels().getRow(b).sumNumber().floatValue());
        }
        assertEquals(DIGITS.pixel(order[5], 14, 9), first.getFeatures().getFloat(5, 0, 14, 9));
        assertEquals(784, batches.inputColumns());
        assertEquals(10, batches.totalOutcomes());
        assertEquals(Mnist.CLASS_NAMES, batches.getLabels());
    }

    @Test
    void flattenedBatchesSuitDenseLayers() {
        DataSet batch = DIGITS.batches().batchSize(32).flatten(true).build().next();
        assertArrayEquals(new long[]{32, 784}, batch.getFeatures().shape());
        assertEquals(DIGITS.pixel(0, 10, 3), batch.getFeatures().getFloat(0, 10 * 28 + 3));
    }

    @Test
    void anEpochVisitsEveryImageOnceAndEndsWithAPartialBatch() {
        ImageBatches batches = DIGITS.batches().batchSize(300).shuffle(5).build();
        int seen = 0;
        int last = 0;
        while (batches.hasNext()) {
            last = batches.next().numExamples();
            seen += last;
        }
        assertEquals(8000, seen);
        assertEquals(8000 % 300, last);
        int[] sorted = batches.epochOrder();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertThrows(java.util.NoSuchElementException.class, batches::next);
    }

    @Test
    void theSameSeedGivesTheSameOrderEveryRunAndAnotherSeedDoesNot() {
        ImageBatches a = DIGITS.iterator(64, 42);
        ImageBatches b = DIGITS.iterator(64, 42);
        ImageBatches c = DIGITS.iterator(64, 43);
        assertArrayEquals(a.epochOrder(), b.epochOrder());
        assertFalse(Arrays.equals(a.epochOrder(), c.epochOrder()));
        assertEquals(a.next().getLabels(), b.next().getLabels());
        int[] firstEpoch = a.epochOrder();
        a.reset();
        b.reset();
        assertFalse(Arrays.equals(firstEpoch, a.epochOrder()), "each epoch is reshuffled");
        assertArrayEquals(a.epochOrder(), b.epochOrder());
        assertEquals(2, a.epoch());
    }

    @Test
    void withoutASeedImagesComeInStoredOrder() {
        ImageBatches batches = DIGITS.batches().batchSize(10).inOrder().build();
        assertEquals(DIGITS.label(3), batches.next().getLabels().getRow(3).argMax().getInt(0));
        batches.reset();
        assertEquals(0, batches.epochOrder()[0]);
        assertEquals(7999, batches.epochOrder()[7999]);
    }

    @Test
    void dl4jTrainsOnTheBatchesAndTheLossFalls() {
        LabelledImages small = DIGITS.limit(256);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-2)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(784).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataSet all = new DataSet(small.flatFeatures(), small.oneHotLabels());
        double before = net.score(all);
        net.fit(small.batches().batchSize(32).shuffle(1).flatten(true).build(), 5);
        double after = net.score(all);
        assertTrue(after < before * 0.5, before + " -> " + after);
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DIGITS.batches().batchSize(0));
        assertTrue(e.getMessage().contains("batch size"), e.getMessage());
    }
}
