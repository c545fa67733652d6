package org.visionbook.toolkit.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an HTML page with several step-through widgets (two of them from the same trace) for the
 * browser check in {@code toolkit/src/test/browser/}. Usage: {@code StepThroughDemoPage out.html}.
 */
public final class StepThroughDemoPage {

    private StepThroughDemoPage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StepThroughDemoPage <output.html>");
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".demo", ".html");
        Files.writeString(temporary, page());
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String page() {
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
        return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>step-through widgets</title></head><body>\n"
                + convolution.widget().withTitle("Sobel edge filter, stride 2, padding 1").html() + "\n<hr>\n"
                + maxPooling.widget().html() + "\n<hr>\n"
                + dilated.widget().html() + "\n<hr>\n"
                + convolution.widget().withTitle("The same trace again").html() + "\n</body></html>\n";
    }
}
