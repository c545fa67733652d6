package org.visionbook.toolkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.visionbook.toolkit.Knobs;
import org.visionbook.toolkit.data.ImageBatches;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.train.EvaluationReport;
import org.visionbook.toolkit.train.ProgressMode;
import org.visionbook.toolkit.train.Trainer;

/** The trainer, the path every chapter trains through, switches the speed-ups on by itself. */
class TrainerAccelerationTest {

    private static final int SIDE = 12;
    private static final int BATCHES = 6;

    @BeforeEach
    void pinEpochKnob() {
        System.setProperty(Knobs.EPOCHS_PROPERTY, "1000"); // CI may cap epochs; these tests count steps
    }

    @AfterEach
    void clearKnob() {
        System.clearProperty(Knobs.EPOCHS_PROPERTY);
    }

    /** conv 5x5 (unpadded, so the first-layer helper applies) - max pool - conv 3x3 - dense - softmax 3. */
    private static MultiLayerNetwork leNetLike(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).updater(new Adam(5e-3)).weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIDE, SIDE, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** 48 noisy images whose class is the third of the picture holding a bright bar. */
    private static LabelledImages bars() {
        Random random = new Random(5);
        int n = BATCHES * 8;
        byte[] pixels = new byte[n * SIDE * SIDE];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3);
            for (int p = 0; p < SIDE * SIDE; p++) {
                int row = p / SIDE;
                boolean bar = row / 4 == labels[i] && row % 4 == 1 + random.nextInt(2);
                pixels[i * SIDE * SIDE + p] = (byte) (bar ? 180 + random.nextInt(70) : random.nextInt(60));
            }
        }
        return LabelledImages.of("bars", pixels, labels, SIDE, SIDE, List.of("top", "middle", "bottom"));
    }

    private static ImageBatches inOrder(LabelledImages images) {
        return images.batches().batchSize(8).inOrder().build();
    }

    private static Trainer trainer(org.deeplearning4j.nn.api.Model model, boolean accelerate) {
        return Trainer.of(model).progress(ProgressMode.NONE).seed(3).epochs(2).accelerate(accelerate).build();
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        double worst = Nd4j.math().abs(expected.reshape(expected.length()).sub(actual.reshape(actual.length())))
                .maxNumber().doubleValue();
        assertTrue(worst <= tolerance, what + ": largest difference " + worst + " > " + tolerance);
    }

    @Test
    void theTrainerInstallsTheHelpersAndEveryStepUsesThem() {
        assertTrue(Performance.oneDnnAvailable(), Performance.describeRuntime());
        MultiLayerNetwork net = leNetLike(1);
        assertFalse(Performance.describeHelpers(net).contains("Helper"), "a fresh network has none: "
                + Performance.describeHelpers(net));
        trainer(net, true).fit(inOrder(bars()));
        assertEquals("ConvolutionLayer=FirstLayerConvHelper SubsamplingLayer=MKLDNNSubsamplingHelper "
                + "ConvolutionLayer=ConvHelper DenseLayer=none OutputLayer=none", Performance.describeHelpers(net));
        FirstLayerConvHelper first = (FirstLayerConvHelper) net.getLayer(0).getHelper();
        assertEquals(2 * BATCHES, first.shortenedSteps(), "every training step skipped the image gradient");
        assertEquals(2 * BATCHES, ((ConvHelper) net.getLayer(2).getHelper()).reusedForwardPasses(),
                "every training step reused the second convolution's forward pass");
    }

    @Test
    void aTrainerFittedModelLearnsWhatPlainDl4jLearns() {
        MultiLayerNetwork plain = leNetLike(9);
        MultiLayerNetwork fast = leNetLike(9);
        Trainer plainTrainer = trainer(plain, false);
        Trainer fastTrainer = trainer(fast, true);
        plainTrainer.fit(inOrder(bars()));
        fastTrainer.fit(inOrder(bars()));
        assertEquals("ConvolutionLayer=none SubsamplingLayer=none ConvolutionLayer=none DenseLayer=none OutputLayer=none",
                Performance.describeHelpers(plain), "accelerate(false) leaves DL4J's own code paths");
        assertClose(plain.params(), fast.params(), 1e-4, "parameters after 2 epochs of Adam");
        INDArray probe = inOrder(bars()).next().getFeatures();
        assertClose(plain.output(probe), fast.output(probe), 1e-4, "predictions");
        EvaluationReport a = plainTrainer.evaluate(inOrder(bars()));
        EvaluationReport b = fastTrainer.evaluate(inOrder(bars()));
        assertEquals(a.accuracy(), b.accuracy(), "accuracy");
        for (int epoch = 0; epoch < 2; epoch++) {
            assertEquals(plainTrainer.history().epochs().get(epoch).trainLoss(),
                    fastTrainer.history().epochs().get(epoch).trainLoss(), 1e-4, "training loss of epoch " + (epoch + 1));
        }
    }

    @Test
    void aComputationGraphIsAcceleratedToo() {
        ComputationGraph plain = leNetLike(4).toComputationGraph();
        ComputationGraph fast = leNetLike(4).toComputationGraph();
        trainer(plain, false).fit(inOrder(bars()));
        trainer(fast, true).fit(inOrder(bars()));
        String helpers = Performance.describeHelpers(fast);
        assertTrue(helpers.contains("ConvolutionLayer=ConvHelper") && helpers.contains("SubsamplingLayer=MKLDNNSubsamplingHelper"),
                helpers);
        assertFalse(Performance.describeHelpers(plain).contains("Helper"), Performance.describeHelpers(plain));
        assertClose(plain.params(), fast.params(), 1e-4, "graph parameters after 2 epochs");
    }
}
