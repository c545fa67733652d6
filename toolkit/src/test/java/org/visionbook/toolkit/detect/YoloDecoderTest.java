package org.visionbook.toolkit.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.layers.objdetect.YoloUtils;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class YoloDecoderTest {

    private static final YoloGrid GRID = new YoloGrid(64, 8);
    private static final double[][] PRIORS = {{1.5, 1.5}, {3.0, 2.0}};
    private static final int CLASSES = 3;

    /**
     * Raw (pre-activation) outputs that make the layer predict exactly {@code truths}, each with
     * prior {@code prior[t]}, confidence sigmoid(8) and probability softmax for its class.
     */
    static INDArray rawFor(List<GroundTruth> truths, int[] prior, int images) {
        int s = GRID.cells();
        int per = 5 + CLASSES;
        INDArray raw = Nd4j.zeros(DataType.FLOAT, images, PRIORS.length * per, s, s);
        for (int k = 0; k < PRIORS.length; k++) {
            raw.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(k * per + 4))
                    .assign(-12);
        }
        double cell = GRID.cellSize();
        for (int t = 0; t < truths.size(); t++) {
            GroundTruth g = truths.get(t);
            Box b = g.box();
            int col = GRID.cellOf(b.centreX());
            int row = GRID.cellOf(b.centreY());
            int k = prior[t];
            double fx = b.centreX() / cell - col;
            double fy = b.centreY() / cell - row;
            raw.putScalar(new long[] {g.image(), k * per, row, col}, Math.log(fx / (1 - fx)));
            raw.putScalar(new long[] {g.image(), k * per + 1, row, col}, Math.log(fy / (1 - fy)));
            raw.putScalar(new long[] {g.image(), k * per + 2, row, col}, Math.log(b.width() / cell / PRIORS[k][0]));
            raw.putScalar(new long[] {g.image(), k * per + 3, row, col}, Math.log(b.height() / cell / PRIORS[k][1]));
            raw.putScalar(new long[] {g.image(), k * per + 4, row, col}, 8);
            raw.putScalar(new long[] {g.image(), k * per + 5 + g.label(), row, col}, 12);
        }
        return raw;
    }

    private static final List<GroundTruth> TRUTHS = List.of(
            new GroundTruth(0, 2, new Box(10, 12, 30, 26)),   // centre (20, 19): cell row 2, col 2
            new GroundTruth(0, 0, new Box(40, 40, 52, 60)),   // centre (46, 50): row 6, col 5
            new GroundTruth(1, 1, new Box(3, 33, 17, 45)));   // centre (10, 39): row 4, col 1

    @Test
    void decodingTheLayersActivationsGivesBackTheBoxesClassesAndImages() {
        INDArray out = YoloUtils.activate(Nd4j.create(PRIORS).castTo(DataType.FLOAT), rawFor(TRUTHS, new int[] {0,
                1, 0}, 2));
        List<Detection> found = new YoloDecoder(PRIORS, GRID).decode(out, 0, 0.5);
        assertEquals(3, found.size(), found.toString());
        for (GroundTruth t : TRUTHS) {
            Detection d = found.stream().filter(x -> x.image() == t.image()
                    && x.label() == t.label()).findFirst().orElseThrow();
            assertEquals(1.0, d.box().iou(t.box()), 1e-4, d + " vs " + t);
            double expected = 1 / (1 + Math.exp(-8)); // confidence x class probability (softmax of 12 against 0s)
            expected *= Math.exp(12) / (Math.exp(12) + CLASSES - 1);
            assertEquals(expected, d.score(), 1e-5);
        }
    }

    @Test
    void imageNumbersStartAtTheBatchOffset() {
        INDArray out = YoloUtils.activate(Nd4j.create(PRIORS).castTo(DataType.FLOAT), rawFor(TRUTHS, new int[] {0,
                1, 0}, 2));
        List<Detection> found = new YoloDecoder(PRIORS, GRID).decode(out, 100, 0.5);
        assertEquals(List.of(100, 100, 101), found.stream().map(Detection::image).sorted().toList());
    }

    @Test
    void aRealYolo2OutputLayerProducesTheLayoutTheDecoderReads() {
        int channels = PRIORS.length * (5 + CLASSES);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).convolutionMode(
                ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(1,
                        1).nOut(channels).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new Yolo2OutputLayer.Builder().boundingBoxPriors(Nd4j.create(PRIORS)).build())
                .setInputType(InputType.convolutional(8, 8, channels)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.getLayer(0).setParam("W", Nd4j.eye(channels).castTo(DataType.FLOAT).reshape(channels, channels, 1, 1));
        INDArray raw = rawFor(TRUTHS, new int[] {1, 0, 1}, 2);
        INDArray out = net.output(raw);
        List<Detection> found = Nms.perClass(new YoloDecoder(PRIORS, GRID).decode(out, 0, 0.5), 0.5);
        DetectionEvaluation eval = DetectionEvaluation.of(found, TRUTHS, List.of("a", "b", "c"));
        assertEquals(1.0, eval.map50(), 1e-9);
        assertEquals(1.0, eval.mapCoco(), 1e-9);
    }

    @Test
    void labelsPutCornersInGridUnitsAndAOneHotClassAtTheCentresCell() {
        INDArray labels = YoloLabels.encode(TRUTHS, 0, 2, CLASSES, GRID);
        assertArrayEquals(new long[] {2, 4 + CLASSES, 8, 8}, labels.shape());
        assertEquals(10 / 8.0, labels.getDouble(0, 0, 2, 2), 1e-6);
        assertEquals(12 / 8.0, labels.getDouble(0, 1, 2, 2), 1e-6);
        assertEquals(30 / 8.0, labels.getDouble(0, 2, 2, 2), 1e-6);
        assertEquals(26 / 8.0, labels.getDouble(0, 3, 2, 2), 1e-6);
        assertEquals(1.0, labels.getDouble(0, 4 + 2, 2, 2));
        assertEquals(1.0, labels.getDouble(1, 4 + 1, 4, 1));
        assertEquals(3.0, labels.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 4 + CLASSES)).sumNumber().doubleValue(), 1e-9);
    }

    @Test
    void twoCentresInOneCellAreRefusedNamingTheImageAndCell() {
        List<GroundTruth> clash = List.of(new GroundTruth(3, 0, new Box(0, 0, 4, 4)), new GroundTruth(3, 1,
                new Box(1, 1, 5, 5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YoloLabels.encode(clash, 3, 1, 2, GRID));
        assertTrue(e.getMessage().contains("image 3") && e.getMessage().contains("row 0, column 0"), e.getMessage());
    }

    @Test
    void aWrongShapeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new YoloDecoder(PRIORS, GRID).decode(Nd4j.zeros(1, 16, 4, 4), 0, 0.1));
        assertTrue(e.getMessage().contains("[1, 16, 4, 4]"), e.getMessage());
    }
}
