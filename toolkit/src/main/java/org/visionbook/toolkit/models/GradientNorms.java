package org.visionbook.toolkit.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import org.visionbook.toolkit.perf.Performance;
import org.visionbook.toolkit.viz.LineChart;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How strongly the loss pulls on each layer's weights: the L2 norm of every weight layer's
 * gradient after one forward and backward pass on a batch, from the input side to the output.
 * It measures how the gradient's size changes with depth, whichever way: shrinking towards the
 * input (vanishing) or growing (exploding); plotting a plain deep network next to the same network
 * with skip connections shows how evenly each spreads it. Nothing is updated; the network gets the
 * toolkit's native speed-ups ({@link Performance#accelerate}) as it would for training.
 */
public final class GradientNorms {

    private GradientNorms() {
    }

    /**
     * Rows in order from input to output: depth (1 = first weight layer), layer name, kind, and
     * the gradient's L2 norm (weights only; biases and batch-norm parameters are left out).
     */
    public static Table perLayer(Model model, DataSet batch) {
        Objects.requireNonNull(batch, "batch");
        List<String> names = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Gradient gradient;
        if (model instanceof MultiLayerNetwork net) {
            Performance.accelerate(net); // the trainer's native helpers: same numbers, many times faster
            net.setInput(batch.getFeatures());
            net.setLabels(batch.getLabels());
            net.computeGradientAndScore();
            gradient = net.gradient();
            for (int i = 0; i < net.getnLayers(); i++) {
                Layer conf = net.getLayerWiseConfigurations().getConf(i).getLayer();
                names.add(conf.getLayerName() == null ? "layer" + i : conf.getLayerName());
                keys.add(i + "_W");
                types.add(conf.getClass().getSimpleName());
            }
        } else if (model instanceof ComputationGraph graph) {
            Performance.accelerate(graph);
            graph.setInputs(batch.getFeatures());
            graph.setLabels(batch.getLabels());
            graph.computeGradientAndScore();
            gradient = graph.gradient();
            for (int v : graph.topologicalSortOrder()) {
                String name = graph.getVertices()[v].getVertexName();
                if (graph.getConfiguration().getVertices().get(name) instanceof LayerVertex lv) {
                    names.add(name);
                    keys.add(name + "_W");
                    types.add(lv.getLayerConf().getLayer().getClass().getSimpleName());
                }
            }
        } else {
            throw new IllegalArgumentException("expected a MultiLayerNetwork or a ComputationGraph, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        Map<String, INDArray> byName = gradient.gradientForVariable();
        IntColumn depth = IntColumn.create("depth");
        StringColumn layer = StringColumn.create("layer");
        StringColumn type = StringColumn.create("type");
        DoubleColumn norm = DoubleColumn.create("gradient norm");
        int d = 0;
        for (int i = 0; i < names.size(); i++) {
            INDArray g = byName.get(keys.get(i));
            if (g == null) {
                continue;
            }
            depth.append(++d);
            layer.append(names.get(i));
            type.append(types.get(i));
            norm.append(g.norm2Number().doubleValue());
        }
        model.clear();
        return Table.create("gradient norm per weight layer", depth, layer, type, norm);
    }

    /**
     * One line per network: each weight layer's gradient norm (a {@link #perLayer} table) against
     * its depth, on a logarithmic axis so that a factor of 10 looks the same at every height. A
     * network whose gradient shrinks or grows geometrically with depth shows a straight slope; one
     * whose layers all learn at a similar pace shows a flat line.
     *
     * @param title    the chart's title
     * @param networks name of each network (the legend) and its {@link #perLayer} table, in order
     */
    public static LineChart chart(String title, Map<String, Table> networks) {
        Objects.requireNonNull(networks, "networks");
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("no networks to chart: pass at least one name and its GradientNorms.perLayer table");
        }
        LineChart chart = LineChart.titled(title).axes("weight layer (1 = next to the input)", "gradient norm (log scale)")
                .logY(true).markers(true);
        for (Map.Entry<String, Table> e : new LinkedHashMap<>(networks).entrySet()) {
            Table t = checked(e.getKey(), e.getValue());
            double[] depth = t.intColumn("depth").asDoubleArray();
            chart = chart.series(e.getKey(), depth, t.doubleColumn("gradient norm").asDoubleArray());
        }
        return chart;
    }

    /**
     * How unevenly the layers of one network are pulled: the largest gradient norm divided by the
     * smallest (1 = every layer alike). Plain deep networks reach hundreds; residual ones stay small.
     */
    public static double spread(Table perLayer) {
        Table t = checked("table", perLayer);
        DoubleColumn norms = t.doubleColumn("gradient norm");
        double min = norms.min();
        if (!(min > 0)) {
            throw new IllegalArgumentException("a layer has gradient norm " + min + ": the spread (largest / smallest) is undefined");
        }
        return norms.max() / min;
    }

    private static Table checked(String name, Table t) {
        Objects.requireNonNull(t, name);
        if (!t.containsColumn("depth") || !t.containsColumn("gradient norm")) {
            throw new IllegalArgumentException("'" + name + "' is not a GradientNorms.perLayer table: it needs the columns "
                    + "'depth' and 'gradient norm', it has " + t.columnNames());
        }
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException("'" + name + "' has no rows: the network has no weight layer with a gradient");
        }
        return t;
    }
}
