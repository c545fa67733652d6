package org.visionbook.toolkit.explain;

import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainTest {

    private static OutputLayer softmax(int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build();
    }

    /** Input 1 x 4 x 4 straight into a dense softmax layer: the score of class c is W[:, c] · x + b[c]. */
    @Test
    void saliencyOfALinearClassifierIsTheAbsoluteWeightsOfTheClass() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).list()
                .layer(softmax(3))
                .setInputType(InputType.convolutional(4, 4, 1)).build());
        net.init();
        INDArray images = Nd4j.rand(DataType.DOUBLE, 2, 1, 4, 4);
        INDArray maps = Saliency.of(net).maps(images, 2, 0);
        INDArray w = net.getLayer(0).getParam("W");
        assertArrayEquals(new long[] {2, 4, 4}, maps.shape());
        assertTrue(maps.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).reshape(-1)
                .equalsWithEps(Transforms.abs(w.getColumn(2), true), 1e-12));
        assertTrue(maps.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).reshape(-1)
                .equalsWithEps(Transforms.abs(w.getColumn(0), true), 1e-12));
    }

    /**
     * A hand-built net: a 1x1 convolution makes two maps, A0 = x and A1 = 2x (identity
     * activation). Class 0's score adds up A0 over the top-left quarter (4 of 16 positions), class
     * 1's score is half the sum of A1 everywhere, class 2's is minus the sum of A0. Grad-CAM's
     * weights are then (1/4, 0), (0, 1/2) and (-1, 0), so its maps are x/4, x and ReLU(-x) = 0.
     */
    @Test
    void gradCamOfAHandBuiltNetworkIsKnown() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).list()
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.IDENTITY).name("maps").build())
                .layer(softmax(3))
                .setInputType(InputType.convolutional(4, 4, 1)).build());
        net.init();
        net.getLayer(0).setParam("W", Nd4j.createFromArray(1.0, 2.0).reshape(2, 1, 1, 1));
        net.getLayer(0).setParam("b", Nd4j.zeros(DataType.DOUBLE, 1, 2));
        INDArray w = Nd4j.zeros(DataType.DOUBLE, 32, 3);   // flattened [channel, y, x]
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                if (y < 2 && x < 2) {
                    w.putScalar(y * 4 + x, 0, 1.0);
                }
                w.putScalar(16 + y * 4 + x, 1, 0.5);
                w.putScalar(y * 4 + x, 2, -1.0);
            }
        }
        net.getLayer(1).setParam("W", w);
        INDArray image = Nd4j.rand(DataType.DOUBLE, 1, 1, 4, 4).addi(0.1);
        INDArray x = image.reshape(1, 4, 4);
        GradCam cam = GradCam.of(net);
        assertEquals("maps", cam.layerName());
        assertTrue(cam.coarse(image, 0).equalsWithEps(x.div(4), 1e-12), cam.coarse(image, 0).toString());
        assertTrue(cam.coarse(image, 1).equalsWithEps(x, 1e-12));
        assertEquals(0.0, cam.coarse(image, 2).sumNumber().doubleValue(), 0.0);
        assertTrue(cam.maps(image, 1).equalsWithEps(x, 1e-12), "same size: resizing changes nothing");
    }

    /** A smooth net with batch norm (inference mode) and dropout: the class-score gradient against central differences. */
    @Test
    void scoreGradientsMatchFiniteDifferencesThroughBatchNormAndDropout() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(0.1))
                .weightInit(WeightInit.XAVIER).dataType(DataType.DOUBLE).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.TANH).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.SIGMOID).dropOut(0.5).build())
                .layer(softmax(4))
                .setInputType(InputType.convolutional(6, 6, 1)).build());
        net.init();
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 1, 6, 6);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        y.putScalar(0, 1, 1.0);
        y.putScalar(1, 3, 1.0);
        y.putScalar(2, 0, 1.0);
        for (int i = 0; i < 5; i++) {
            net.fit(new DataSet(x, y));   // gives batch norm running statistics that are not 0 and 1
        }
        int[] classes = {1, 3, 2};
        INDArray g = Saliency.of(net).gradients(x, classes);
        double h = 1e-6;
        double largest = 0;
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 36; p++) {
                INDArray xi = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)).dup();
                INDArray flat = xi.reshape(-1);
                double v = flat.getDouble(p);
                flat.putScalar(p, v + h);
                double up = logit(net, xi, classes[i]);
                flat.putScalar(p, v - h);
                double down = logit(net, xi, classes[i]);
                double expected = (up - down) / (2 * h);
                largest = Math.max(largest, Math.abs(expected));
                assertEquals(expected, g.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).reshape(-1).getDouble(p),
                        1e-7 + 1e-5 * Math.abs(expected), "image " + i + " pixel " + p);
            }
        }
        assertTrue(largest > 1e-3, "largest gradient " + largest);
        assertEquals(0.5, ((org.deeplearning4j.nn.conf.dropout.Dropout) net.getLayer(3).conf().getLayer().getIDropout()).getP(),
                0.0, "dropout is put back");
    }

    /** The output layer's value before the softmax, from an inference-mode forward pass. */
    private static double logit(MultiLayerNetwork net, INDArray x, int c) {
        List<INDArray> acts = net.feedForward(x, false);
        INDArray lastHidden = acts.get(acts.size() - 2).reshape(1, -1);
        INDArray w = net.getLayer(net.getnLayers() - 1).getParam("W");
        INDArray b = net.getLayer(net.getnLayers() - 1).getParam("b");
        return lastHidden.mmul(w).add(b).getDouble(0, c);
    }

    @Test
    void resizingIsBilinearWithPixelCentresAligned() {
        INDArray two = Nd4j.createFromArray(new float[] {0, 1, 2, 3}).reshape(1, 2, 2);
        INDArray four = GradCam.resize(two, 4, 4);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f, 2.75f, 3},
                four.reshape(-1).toFloatVector(), 1e-6f);
    }

    @Test
    void unknownLayersAndClassesAreNamedInTheError() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).name("c1").build())
                .layer(softmax(3))
                .setInputType(InputType.convolutional(6, 6, 1)).build());
        net.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradCam.of(net).layer("conv9"));
        assertTrue(e.getMessage().contains("conv9") && e.getMessage().contains("c1"), e.getMessage());
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 1, 6, 6);
        e = assertThrows(IllegalArgumentException.class, () -> Saliency.of(net).maps(image, 7));
        assertTrue(e.getMessage().contains("7"), e.getMessage());
    }

    @Test
    void normalisedMapsPeakAtOneAndZeroMapsStayZero() {
        INDArray maps = Nd4j.createFromArray(new float[] {0, 2, 4, 1, 0, 0, 0, 0}).reshape(2, 2, 2);
        assertArrayEquals(new float[] {0, 0.5f, 1, 0.25f, 0, 0, 0, 0}, Maps.normalised(maps).reshape(-1).toFloatVector(), 0f);
        assertEquals(4f, maps.maxNumber().floatValue(), "the input is left alone");
    }

    /** LeNet-5's conv2 position i sees input rows 2i .. 2i+13 (5x5 conv, 2x2 pool, 5x5 conv, no padding): centre 2i + 6.5. */
    @Test
    void gradCamPlacesEachPositionAtTheCentreOfWhatItSees() {
        MultiLayerNetwork lenet = org.visionbook.toolkit.models.LeNet5.build();
        INDArray digit = Nd4j.zeros(DataType.FLOAT, 1, 1, 28, 28);
        assertArrayEquals(new double[] {6.5, 2, 6.5, 2}, GradCam.of(lenet).layer("conv2").geometry(digit), 1e-12);
        assertArrayEquals(new double[] {2, 1, 2, 1}, GradCam.of(lenet).layer("conv1").geometry(digit), 1e-12);
        INDArray oneRow = Nd4j.createFromArray(new float[] {0, 1}).reshape(1, 1, 2);
        assertArrayEquals(new float[] {0, 0, 0.5f, 1, 0.5f},
                GradCam.place(oneRow, new double[] {0, 1, 1, 2}, 1, 5).reshape(-1).toFloatVector(), 1e-6f);
    }

    /** A network read back from a file without its updater (as the shipped models are) has no gradient views yet. */
    @Test
    void worksOnANetworkRestoredFromAFile() throws java.io.IOException {
        MultiLayerNetwork net = org.visionbook.toolkit.models.LeNet5.build();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.deeplearning4j.util.ModelSerializer.writeModel(net, bytes, false);
        MultiLayerNetwork restored = org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(
                new java.io.ByteArrayInputStream(bytes.toByteArray()), false);
        INDArray digit = Nd4j.rand(DataType.FLOAT, 1, 1, 28, 28);
        assertTrue(Saliency.of(restored).maps(digit, 3).equalsWithEps(Saliency.of(net).maps(digit, 3), 1e-6));
        assertArrayEquals(new long[] {1, 28, 28}, GradCam.of(restored).maps(digit, 3).shape());
    }
}
