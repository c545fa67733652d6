package org.visionbook.toolkit.attack;

import java.util.List;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputGradientsTest {

    private static final int N = 4;

    private static INDArray images() {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.rand(DataType.DOUBLE, N, 1, SmallNets.SIDE, SmallNets.SIDE);
    }

    private static INDArray labels() {
        return Robustness.oneHot(SmallNets.CLASSES, 0, 2, 1, 2).castTo(DataType.DOUBLE);
    }

    /** Central differences of example i's own loss (a batch of one: DL4J's score is then that loss). */
    private static double numeric(Model model, INDArray x, INDArray y, int example, long pixel) {
        double h = 1e-5;
        INDArray xi = x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(example)).reshape(1, 1, SmallNets.SIDE, SmallNets.SIDE).dup();
        INDArray yi = y.getRow(example).reshape(1, SmallNets.CLASSES);
        INDArray flat = xi.reshape(-1);
        double v = flat.getDouble(pixel);
        flat.putScalar(pixel, v + h);
        double up = score(model, xi, yi);
        flat.putScalar(pixel, v - h);
        double down = score(model, xi, yi);
        flat.putScalar(pixel, v);
        return (up - down) / (2 * h);
    }

    private static double score(Model model, INDArray x, INDArray y) {
        DataSet ds = new DataSet(x, y);
        return model instanceof MultiLayerNetwork m ? m.score(ds, false) : ((ComputationGraph) model).score(ds, false);
    }

    private static void assertMatchesFiniteDifferences(Model model) {
        INDArray x = images();
        INDArray y = labels();
        INDArray g = InputGradients.of(model, x, y);
        assertArrayEquals(x.shape(), g.shape());
        for (int i = 0; i < N; i++) {
            INDArray row = g.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).reshape(-1);
            double largest = 0;
            for (long p = 0; p < row.length(); p++) {
                double expected = numeric(model, x, y, i, p);
                largest = Math.max(largest, Math.abs(expected));
                assertEquals(expected, row.getDouble(p), 1e-6 + 1e-4 * Math.abs(expected),
                        "example " + i + ", pixel " + p);
            }
            assertTrue(largest > 1e-3, "the check must compare real gradients, largest was " + largest);
        }
    }

    @Test
    void multiLayerNetworkGradientIsEachExamplesOwnLossGradient() {
        assertMatchesFiniteDifferences(SmallNets.smoothMln(1));
    }

    @Test
    void graphGradientMatchesFiniteDifferencesWithWorkspacesOnByDefault() {
        ComputationGraph graph = SmallNets.smoothGraph(1);
        assertEquals(WorkspaceMode.ENABLED, graph.getConfiguration().getTrainingWorkspaceMode());
        assertMatchesFiniteDifferences(graph);
    }

    @Test
    void graphAndNetworkWithTheSameWeightsAgree() {
        MultiLayerNetwork net = SmallNets.smoothMln(3);
        ComputationGraph graph = SmallNets.smoothGraph(3);
        graph.setParams(net.params());
        INDArray x = images();
        INDArray y = labels();
        INDArray a = InputGradients.of(net, x, y);
        INDArray b = InputGradients.of(graph, x, y);
        assertTrue(a.equalsWithEps(b, 1e-10), a + "\nvs\n" + b);
    }

    @Test
    void theGradientOfAnExampleDoesNotDependOnTheBatchItIsIn() {
        MultiLayerNetwork net = SmallNets.smoothMln(2);
        INDArray x = images();
        INDArray y = labels();
        INDArray whole = InputGradients.of(net, x, y);
        INDArray alone = InputGradients.of(net, x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2)).dup(),
                y.getRows(1));
        assertTrue(alone.reshape(-1).equalsWithEps(whole.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).reshape(-1), 1e-12));
    }

    @Test
    void theGraphGetsItsWorkspaceModesAndListenersBack() {
        ComputationGraph graph = SmallNets.smoothGraph(4);
        ScoreIterationListener mine = new ScoreIterationListener(1000);
        graph.setListeners(mine);
        InputGradients.of(graph, images(), labels());
        assertEquals(WorkspaceMode.ENABLED, graph.getConfiguration().getTrainingWorkspaceMode());
        assertEquals(WorkspaceMode.ENABLED, graph.getConfiguration().getInferenceWorkspaceMode());
        assertEquals(List.of(mine), List.copyOf(graph.getListeners()));
    }

    /**
     * Why the workspace modes are switched: read the same way with DL4J's default workspaces,
     * the input vertex's epsilon is not the gradient (it is missing, or an array already
     * recycled). This pins down the behaviour the class works around (DL4J issue 8173).
     */
    @Test
    void readingTheInputEpsilonWithWorkspacesOnDoesNotGiveTheGradient() {
        ComputationGraph graph = SmallNets.smoothGraph(5);
        INDArray x = images();
        INDArray y = labels();
        INDArray expected = InputGradients.of(graph, x, y);
        INDArray[] seen = new INDArray[1];
        Throwable[] failure = new Throwable[1];
        graph.setListeners(new BaseTrainingListener() {
            @Override
            public void onBackwardPass(Model model) {
                try {
                    INDArray e = ((ComputationGraph) model).getVertex("pixels").getEpsilon();
                    seen[0] = e == null ? null : e.dup();
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            }
        });
        graph.setInputs(x);
        graph.setLabels(y);
        graph.computeGradientAndScore();
        boolean right = failure[0] == null && seen[0] != null && seen[0].reshape(x.shape()).equalsWithEps(expected, 1e-8);
        assertTrue(!right, "with workspaces on, the listener read the right gradient: the workaround may no longer be needed");
    }

    @Test
    void labelsThatDoNotMatchTheBatchAreRefusedWithTheirShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputGradients.of(SmallNets.smoothMln(1), images(), Nd4j.zeros(DataType.DOUBLE, 3, 3)));
        assertTrue(e.getMessage().contains("[3, 3]"), e.getMessage());
        assertNotNull(e.getMessage());
    }
}
