package org.visionbook.toolkit.models;

import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.visionbook.toolkit.train.LayerShapes;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A network as a table, one row per layer (and, for graphs, per merge or addition vertex):
 * position, name, kind, output shape (without the batch dimension) and parameter count. The
 * parameter column sums to DL4J's {@code numParams()}.
 *
 * <pre>{@code
 * ModelSummary.of(LeNet5.build())            // input inferred for networks with dense layers
 * ModelSummary.of(resnet, options.inputType()) // or given
 * }</pre>
 */
public final class ModelSummary {

    private ModelSummary() {
    }

    /** The summary for input of {@code options}' shape. */
    public static Table of(Model model, ModelOptions options) {
        return of(model, options.inputType());
    }

    /** The summary for input of type {@code input}, e.g. {@code InputType.convolutional(28, 28, 1)}. */
    public static Table of(Model model, InputType input) {
        List<LayerShapes.Step> steps = LayerShapes.trace(model, input);
        IntColumn index = IntColumn.create("#");
        StringColumn name = StringColumn.create("layer");
        StringColumn type = StringColumn.create("type");
        StringColumn shape = StringColumn.create("output shape");
        LongColumn params = LongColumn.create("parameters");
        for (LayerShapes.Step s : steps) {
            index.append(s.index());
            name.append(s.name());
            type.append(s.type());
            shape.append(s.shape());
            params.append(s.parameters());
        }
        long total = (long) params.sum();
        String title = String.format(Locale.ROOT, "%s: %,d parameters, input %s", model.getClass().getSimpleName(), total,
                LayerShapes.describe(input));
        return Table.create(title, index, name, type, shape, params);
    }

    /**
     * The summary for the input the network was built for, when its configuration pins it down
     * (networks whose dense layers fix the image size); otherwise pass the input type.
     */
    public static Table of(Model model) {
        InputType input = LayerShapes.expectedInput(model, null);
        if (input == null) {
            throw new IllegalArgumentException("cannot tell this network's input size from its configuration (it may take any "
                    + "size, e.g. after global pooling): use ModelSummary.of(model, options.inputType())");
        }
        return of(model, input);
    }

    /** The sum of a summary's parameter column. */
    public static long totalParameters(Table summary) {
        return (long) summary.longColumn("parameters").sum();
    }
}
