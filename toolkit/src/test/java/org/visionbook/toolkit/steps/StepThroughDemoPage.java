package org.visionbook.toolkit.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Writes the widgets for the browser check in {@code toolkit/src/test/browser/}: four step-through
 * widgets (two of them from the same trace), either as an HTML page or as a notebook whose
 * outputs are the widgets' MIME bundles (to export with nbconvert).
 * Usage: {@code StepThroughDemoPage out.html} or {@code StepThroughDemoPage out.ipynb}.
 */
public final class StepThroughDemoPage {

    private StepThroughDemoPage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StepThroughDemoPage <output.html|output.ipynb>");
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".demo", ".tmp");
        Files.writeString(temporary, args[0].endsWith(".ipynb") ? notebook() : page());
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String page() {
        StringBuilder body = new StringBuilder();
        for (StepThrough widget : widgets()) {
            body.append(body.length() == 0 ? "" : "\n<hr>\n").append(widget.html());
        }
        return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>step-through widgets</title></head><body>\n"
                + body + "\n</body></html>\n";
    }

    /** A notebook (nbformat 4) with one code cell per widget, its output the widget's MIME bundle. */
    static String notebook() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode notebook = json.createObjectNode().put("nbformat", 4).put("nbformat_minor", 5);
        notebook.putObject("metadata").putObject("kernelspec")
                .put("name", "java").put("display_name", "Java").put("language", "java");
        ArrayNode cells = notebook.putArray("cells");
        int n = 0;
        for (StepThrough widget : widgets()) {
            ObjectNode cell = cells.addObject().put("id", "widget-" + (++n)).put("cell_type", "code")
                    .put("execution_count", n);
            cell.putObject("metadata");
            cell.putArray("source").add("widget " + n);
            ObjectNode output = cell.putArray("outputs").addObject().put("output_type", "display_data");
            output.putObject("metadata");
            ObjectNode data = output.putObject("data");
            widget.toMimeBundle().data().forEach(data::put);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(notebook);
    }

    private static java.util.List<StepThrough> widgets() {
        double[][] ramp = new double[7][7];
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                ramp[r][c] = (c >= 3 ? 1 : 0) + 0.1 * r;
            }
        }
        double[][] sobel = {{1, 0, -1}, {2, 0, -2}, {1, 0, -1}};
        Trace convolution = Trace.convolution(ramp, sobel, 0.5, Conv2dSpec.kernel(3).withStride(2).withPadding(1));
        Trace maxPooling = Trace.maxPooling(Tensors.random(3, 1, 1, 5, 5)[0][0],
                Conv2dSpec.kernel(2).withStride(2).withPadding(Padding.same()));
        Trace dilated = Trace.averagePooling(ramp, Conv2dSpec.kernel(2).withDilation(2));
        return java.util.List.of(convolution.widget().withTitle("Sobel edge filter, stride 2, padding 1"),
                maxPooling.widget(), dilated.widget(), convolution.widget().withTitle("The same trace again"));
    }
}
