package org.visionbook.toolkit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.train.LabelSmoothingLoss;
import org.visionbook.toolkit.train.Optimizer;

import tech.tablesaw.api.Table;

class ModelsTest {

    private static final ModelOptions MNIST = ModelOptions.mnist();
    private static final ModelOptions CIFAR_LIKE = ModelOptions.of(3, 32, 32, 10);

    static Stream<Arguments> everyModel() {
        List<Function<ModelOptions, Model>> factories = List.of(LeNet5::build, SmallAlexNet::build, SmallVgg::build,
                InceptionNet::build, o -> ResNet.residual(o, 1), o -> ResNet.plain(o, 1), o -> DenseNet.build(o, 2, 4),
                o -> Mlp.build(o, 32, 16));
        List<String> names = List.of("LeNet5", "SmallAlexNet", "SmallVgg", "InceptionNet", "ResNet", "PlainNet", "DenseNet",
                "Mlp");
        return Stream.of(MNIST, CIFAR_LIKE).flatMap(o -> java.util.stream.IntStream.range(0, factories.size())
                .mapToObj(i -> Arguments.of(names.get(i) + " " + o.channels() + "x" + o.height(), factories.get(i), o)));
    }

    private static INDArray output(Model m, INDArray x) {
        return m instanceof MultiLayerNetwork n ? n.output(x) : ((ComputationGraph) m).outputSingle(x);
    }

    private static long numParams(Model m) {
        return m.numParams();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyModel")
    void buildsSummarisesAndPredictsOneProbabilityRowPerImage(String name, Function<ModelOptions, Model> factory, ModelOptions o) {
        Model model = factory.apply(o);
        Table summary = ModelSummary.of(model, o);
        assertEquals(numParams(model), ModelSummary.totalParameters(summary), name + " parameter column sums to numParams()");
        assertEquals(List.of("#", "layer", "type", "output shape", "parameters"), summary.columnNames());
        assertEquals("[" + o.classes() + "]", summary.stringColumn("output shape").get(summary.rowCount() - 1));
        INDArray out = output(model, Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, o.channels(), o.height(), o.width()));
        assertArrayEquals(new long[] {2, o.classes()}, out.shape());
        assertEquals(2.0, out.sumNumber().doubleValue(), 1e-4, "softmax rows sum to one");
    }

    @Test
    void leNet5HasTheClassicShapeAndParameterCount() {
        MultiLayerNetwork net = LeNet5.build();
        assertEquals(44_426, net.numParams());
        Table summary = ModelSummary.of(net);
        assertEquals(List.of("[6, 24, 24]", "[6, 12, 12]", "[16, 8, 8]", "[16, 4, 4]", "[120]", "[84]", "[10]"),
                summary.stringColumn("output shape").asList());
        assertEquals(List.of(156L, 0L, 2416L, 0L, 30_840L, 10_164L, 850L), summary.longColumn("parameters").asList());
        assertEquals(List.of("conv1", "pool1", "conv2", "pool2", "fc1", "fc2", "output"), summary.stringColumn("layer").asList());
    }

    @Test
    void aSummaryWithoutOptionsFindsTheInputTheNetworkWasBuiltForEvenWhereSmallerImagesWouldAlsoFit() {
        // 24 x 24 pictures also reach the VGG's 3 x 3 before its dense layer (pooling rounds down)
        for (ModelOptions o : List.of(MNIST, CIFAR_LIKE)) {
            for (MultiLayerNetwork net : List.of(SmallVgg.build(o), SmallAlexNet.build(o))) {
                Table summary = ModelSummary.of(net);
                assertTrue(summary.name().endsWith("input [" + o.channels() + ", " + o.height() + ", " + o.width() + "]"),
                        summary.name());
                assertEquals(ModelSummary.of(net, o).stringColumn("output shape").asList(),
                        summary.stringColumn("output shape").asList());
            }
        }
    }

    @Test
    void anMlpFlattensTheImageAndHasOneDenseLayerPerHiddenSize() {
        MultiLayerNetwork net = Mlp.build(MNIST, 256, 128);
        assertEquals(784L * 256 + 256 + 256L * 128 + 128 + 128L * 10 + 10, net.numParams());
        Table summary = ModelSummary.of(net);
        assertEquals(List.of("fc1", "fc2", "output"), summary.stringColumn("layer").asList());
        assertEquals(List.of("[256]", "[128]", "[10]"), summary.stringColumn("output shape").asList());
        assertThrows(IllegalArgumentException.class, () -> Mlp.build(MNIST));
        assertThrows(IllegalArgumentException.class, () -> Mlp.build(MNIST, 64, 0));
    }

    @Test
    void mlpRegularisersGoWhereTheOptionsSay() {
        MultiLayerNetwork net = Mlp.build(MNIST.dropout(0.3).batchNorm(true), 64, 32);
        var layers = net.getLayerWiseConfigurations().getConfs().stream().map(c -> c.getLayer()).toList();
        assertEquals(List.of("fc1", "fc1_bn", "fc1_relu", "fc2", "fc2_bn", "fc2_relu", "output"),
                layers.stream().map(l -> l.getLayerName()).toList());
        assertEquals(null, ((DenseLayer) layers.get(0)).getIDropout(), "the pixels themselves are not dropped");
        assertEquals(0.7, ((org.deeplearning4j.nn.conf.dropout.Dropout) ((DenseLayer) layers.get(3)).getIDropout()).getP(), 1e-12);
        assertEquals(0.7, ((org.deeplearning4j.nn.conf.dropout.Dropout) ((OutputLayer) layers.get(6)).getIDropout()).getP(), 1e-12);
        INDArray out = net.output(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 1, 28, 28));
        assertArrayEquals(new long[] {3, 10}, out.shape());
    }

    @Test
    void residualAndPlainNetworksHaveTheSameLayersAndParameters() {
        for (int blocks : new int[] {1, 2, 3}) {
            ComputationGraph residual = ResNet.residual(MNIST, blocks);
            ComputationGraph plain = ResNet.plain(MNIST, blocks);
            assertEquals(residual.getLayers().length, plain.getLayers().length, blocks + " blocks per stage");
            assertEquals(residual.numParams(), plain.numParams());
            long weightLayers = Stream.of(residual.getLayers()).filter(l -> l.paramTable().containsKey("W")).count();
            assertEquals(ResNet.depth(blocks), weightLayers);
            long additions = residual.getConfiguration().getVertices().keySet().stream().filter(k -> k.endsWith("_add")).count();
            assertEquals(3L * blocks, additions);
            assertEquals(0, plain.getConfiguration().getVertices().keySet().stream().filter(k -> k.endsWith("_add")).count());
        }
        assertThrows(IllegalArgumentException.class, () -> ResNet.residual(MNIST, 0));
    }

    @Test
    void deeperResNetsHaveMoreLayers() {
        assertTrue(ResNet.residual(MNIST, 3).getLayers().length > ResNet.residual(MNIST, 1).getLayers().length);
        assertEquals(22, ResNet.depth(3));
    }

    @Test
    void optionsReachTheLayers() {
        ModelOptions o = MNIST.dropout(0.5).l2(1e-4).batchNorm(true).labelSmoothing(0.1);
        MultiLayerNetwork net = LeNet5.build(o);
        var confs = net.getLayerWiseConfigurations().getConfs();
        assertTrue(confs.stream().anyMatch(c -> c.getLayer() instanceof BatchNormalization), "batch norm layers");
        OutputLayer out = (OutputLayer) confs.get(confs.size() - 1).getLayer();
        assertEquals(new LabelSmoothingLoss(0.1), out.getLossFn());
        assertEquals(0.5, ((org.deeplearning4j.nn.conf.dropout.Dropout) out.getIDropout()).getP(), 1e-12,
                "DL4J keeps 1 - dropout of the inputs");
        DenseLayer fc1 = (DenseLayer) confs.stream().map(c -> c.getLayer()).filter(l -> "fc1".equals(l.getLayerName()))
                .findFirst().orElseThrow();
        assertEquals(null, fc1.getIDropout(), "no dropout on the convolutional features");
        assertTrue(fc1.getRegularization().stream().anyMatch(r -> r instanceof org.nd4j.linalg.learning.regularization.L2Regularization));
    }

    @Test
    void adamWDecayIsAppliedOncePerLayer() {
        ComputationGraph g = ResNet.residual(MNIST.optimizer(Optimizer.adamW(1e-3, 0.05)), 1);
        for (var v : g.getConfiguration().getVertices().values()) {
            if (v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b) {
                assertTrue(b.getRegularization().size() <= 1, lv.getLayerConf().getLayer().getLayerName() + ": " + b.getRegularization());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MNIST.l2(1e-4).optimizer(Optimizer.adamW(1e-3, 0.01)));
    }

    @Test
    void aSummaryCannotGuessTheInputOfAFullyConvolutionalNetwork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSummary.of(ResNet.residual(MNIST, 1)));
        assertTrue(e.getMessage().contains("options.inputType()"), e.getMessage());
    }

    @Test
    void vggBlocksCanBeChosen() {
        MultiLayerNetwork small = SmallVgg.build(MNIST, 4, 8);
        Table t = ModelSummary.of(small, MNIST);
        assertTrue(t.stringColumn("layer").asList().containsAll(List.of("block1_conv1", "block2_pool")));
        assertTrue(!t.stringColumn("layer").asList().contains("block3_conv1"));
        assertEquals("[8, 7, 7]", t.where(t.stringColumn("layer").isEqualTo("block2_pool")).stringColumn("output shape").get(0));
    }

    @Test
    void inceptionBlocksStackTheirBranches() {
        ComputationGraph g = InceptionNet.build(MNIST);
        Table t = ModelSummary.of(g, MNIST);
        String concat = t.where(t.stringColumn("layer").isEqualTo("inception1_concat")).stringColumn("output shape").get(0);
        assertEquals("[" + InceptionNet.FIRST.outputChannels() + ", 14, 14]", concat);
    }
}
