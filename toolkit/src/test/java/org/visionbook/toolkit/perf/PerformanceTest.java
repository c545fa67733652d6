package org.visionbook.toolkit.perf;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceTest {

    /** A small LeNet: two 3x3 convolutions with pooling, then dense layers, on 1x12x12 images. */
    private static MultiLayerNetwork smallLeNet(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Sgd(0.1))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(6).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(12, 12, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Eight random 12x12 images, the same for the same seed (java.util.Random: ND4J's own generator is not). */
    private static INDArray images(long seed) {
        return random(seed, 8, 1, 12, 12);
    }

    private static INDArray random(long seed, long... shape) {
        Random random = new Random(seed);
        float[] values = new float[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Nd4j.create(values, shape, DataType.FLOAT);
    }

    private static INDArray labels(long seed) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) {
            labels.putScalar(i, (int) ((i + seed) % 3), 1f);
        }
        return labels;
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertEquals(expected.length(), actual.length(), what + ": sizes differ");
        double worst = Nd4j.math().abs(expected.reshape(expected.length()).sub(actual.reshape(actual.length()))).maxNumber().doubleValue();
        assertTrue(worst <= tolerance, what + ": largest difference " + worst + " > " + tolerance);
    }

    @Test
    void theDefaultNativeBuildHasOneDnn() {
        // The Maven default is the -onednn classifier; without it every other speed-up is off.
        assertTrue(Performance.oneDnnAvailable(), "ND4J's native build on the classpath has no oneDNN: "
                + Performance.describeRuntime());
    }

    @Test
    void acceleratingInstallsNativeHelpersAndTheFirstLayerOne() {
        MultiLayerNetwork net = Performance.accelerate(smallLeNet(1));
        assertEquals("ConvolutionLayer=FirstLayerConvHelper SubsamplingLayer=MKLDNNSubsamplingHelper "
                        + "ConvolutionLayer=ConvHelper DenseLayer=none OutputLayer=none",
                Performance.describeHelpers(net));
        Object first = net.getLayer(0).getHelper();
        Object second = net.getLayer(2).getHelper();
        Object pool = net.getLayer(1).getHelper();
        assertSame(net, Performance.accelerate(net), "accelerating twice is harmless");
        assertSame(first, net.getLayer(0).getHelper(), "a second call keeps the first layer's helper");
        assertSame(second, net.getLayer(2).getHelper(), "and the other convolution's");
        assertSame(pool, net.getLayer(1).getHelper(), "and the pooling helper");
    }

    @Test
    void anAcceleratedNetworkLearnsWhatPlainDl4jLearns() {
        MultiLayerNetwork plain = smallLeNet(7);
        MultiLayerNetwork fast = Performance.accelerate(smallLeNet(7));
        for (int step = 0; step < 5; step++) {
            plain.fit(images(step), labels(step));
            fast.fit(images(step), labels(step));
        }
        assertClose(plain.params(), fast.params(), 1e-4, "parameters after 5 SGD steps");
        assertClose(plain.output(images(99)), fast.output(images(99)), 1e-4, "predictions");
        FirstLayerConvHelper first = (FirstLayerConvHelper) fast.getLayer(0).getHelper();
        assertEquals(5, first.shortenedSteps(), "every fit step skipped the input gradient");
        assertEquals(5, first.reusedForwardPasses(), "every fit step reused the first layer's forward convolution");
        assertEquals(5, ((ConvHelper) fast.getLayer(2).getHelper()).reusedForwardPasses(), "and the second's");
    }

    @Test
    void theInputGradientIsStillThereWhenAskedFor() {
        MultiLayerNetwork plain = smallLeNet(3);
        MultiLayerNetwork fast = Performance.accelerate(smallLeNet(3));
        fast.fit(images(0), labels(0));
        plain.fit(images(0), labels(0));
        Pair<Gradient, INDArray> expected = plain.calculateGradients(images(5), labels(5), null, null);
        Pair<Gradient, INDArray> actual = fast.calculateGradients(images(5), labels(5), null, null);
        assertNotNull(actual.getSecond(), "input gradient (what an adversarial attack needs)");
        assertClose(expected.getSecond(), actual.getSecond(), 1e-4, "input gradient");
        assertClose(expected.getFirst().gradient(), actual.getFirst().gradient(), 1e-4, "parameter gradients");
    }

    @Test
    void theWeightGradientAsAConvolutionMatchesNativeBackprop() {
        INDArray input = random(11, 5, 2, 9, 9);
        INDArray weights = random(12, 3, 2, 4, 4);
        INDArray delta = random(13, 5, 3, 6, 6);
        INDArray gradIn = input.ulike();
        INDArray gradW = weights.ulike();
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(input, weights, delta)
                .addOutputs(gradIn, gradW)
                .addIntegerArguments(4, 4, 1, 1, 0, 0, 1, 1, 0, 0, 1)
                .build());
        assertClose(gradW, FirstLayerConvHelper.weightGradient(input, delta).dup('c'), 1e-3, "weight gradient");
    }

    @Test
    void theThreadSettingReachesEveryThreadThatAsksForIt() throws Exception {
        int before = Performance.configureThreads();
        try {
            Performance.useThreads(1);
            int[] seen = new int[2];
            Thread other = new Thread(() -> {
                var ops = org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps();
                ops.setOmpNumThreads(3); // what a fresh thread may start with: OpenMP's count is per thread
                seen[0] = ops.ompGetMaxThreads();
                Performance.configureThreads();
                seen[1] = ops.ompGetMaxThreads();
            });
            other.start();
            other.join();
            assertEquals(3, seen[0], "the other thread had its own OpenMP count");
            assertEquals(1, seen[1], "configureThreads() applied the chosen count to the calling thread");
        } finally {
            Performance.useThreads(before);
        }
    }

    @Test
    void threadsCanBeSetAndAreCheckedForSense() {
        int before = Performance.configureThreads();
        try {
            Performance.useThreads(1);
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
            assertTrue(Performance.describeRuntime().contains("1 thread(s)"), Performance.describeRuntime());
        } finally {
            Performance.useThreads(before);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Performance.useThreads(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
