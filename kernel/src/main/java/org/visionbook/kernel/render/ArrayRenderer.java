package org.visionbook.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;

/**
 * ND4J arrays: a one-line summary (type, shape, min/mean/max) and, for small 2-D arrays, a heatmap,
 * so a weight matrix or an image tensor is seen rather than read. The plain-text fallback adds the
 * values themselves (ND4J abbreviates large arrays).
 */
public final class ArrayRenderer implements RendererExtension {

    /** Larger 2-D arrays get the summary only. */
    static final int MAX_HEATMAP_SIDE = 512;
    /** Target size of the longer side of the heatmap, in pixels. */
    static final int HEATMAP_PIXELS = 256;

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(INDArray.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.IMAGE_PNG)
                .register(ArrayRenderer::render);
    }

    static void render(INDArray array, RenderContext context) {
        String summary = summary(array);
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> summary + "\n" + values(array));
        BufferedImage heatmap = context.wantsDataRenderedAs(MIMEType.TEXT_HTML) || context.wantsDataRenderedAs(MIMEType.IMAGE_PNG)
                ? heatmap(array) : null;
        if (heatmap != null && context.wantsDataRenderedAs(MIMEType.IMAGE_PNG)) {
            context.getOutputContainer().putData(MIMEType.IMAGE_PNG, png(heatmap));
        }
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> {
            StringBuilder h = new StringBuilder("<div class=\"visionbook-ndarray\"><code>")
                    .append(TableRenderer.escape(summary)).append("</code>");
            if (heatmap != null) {
                h.append("<br><img alt=\"heatmap\" style=\"image-rendering: pixelated\" src=\"data:image/png;base64,")
                        .append(png(heatmap)).append("\">");
            }
            if (array.length() <= 100) {
                h.append("<pre>").append(TableRenderer.escape(values(array))).append("</pre>");
            }
            return h.append("</div>").toString();
        });
    }

    static String summary(INDArray array) {
        String shape = Arrays.toString(array.shape());
        StringBuilder s = new StringBuilder("INDArray ").append(array.dataType()).append(' ').append(shape);
        if (!array.isEmpty() && array.length() > 0 && isNumeric(array.dataType())) {
            s.append(String.format(Locale.ROOT, "  min %.4g  mean %.4g  max %.4g",
                    array.minNumber().doubleValue(), array.meanNumber().doubleValue(), array.maxNumber().doubleValue()));
        }
        return s.toString();
    }

    private static String values(INDArray array) {
        return array.toString(1000, false, 4);
    }

    private static boolean isNumeric(DataType type) {
        return type.isNumerical();
    }

    /** A heatmap of a 2-D array (leading dimensions of size 1 are ignored), or null. */
    static BufferedImage heatmap(INDArray array) {
        if (array.isEmpty() || !isNumeric(array.dataType())) {
            return null;
        }
        long[] shape = Arrays.stream(array.shape()).toArray();
        int rank = shape.length;
        if (rank < 2) {
            return null;
        }
        for (int i = 0; i < rank - 2; i++) {
            if (shape[i] != 1) {
                return null;
            }
        }
        long rows = shape[rank - 2];
        long cols = shape[rank - 1];
        if (rows > MAX_HEATMAP_SIDE || cols > MAX_HEATMAP_SIDE || rows * cols < 2) {
            return null;
        }
        double[][] v = array.reshape(rows, cols).castTo(DataType.DOUBLE).toDoubleMatrix();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : v) {
            for (double x : row) {
                if (Double.isFinite(x)) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
        }
        int scale = (int) Math.max(1, Math.min(32, HEATMAP_PIXELS / Math.max(rows, cols)));
        BufferedImage img = new BufferedImage((int) cols * scale, (int) rows * scale, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = v[r][c];
                int rgb = !Double.isFinite(x) ? 0xFF00FF
                        : max > min ? Colormap.rgb((x - min) / (max - min)) : Colormap.rgb(0.5);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(c * scale + dx, r * scale + dy, rgb);
                    }
                }
            }
        }
        return img;
    }

    static String png(BufferedImage img) {
        return ImageRenderer.encode(img, "png");
    }

    /** A dark-blue to yellow ramp (perceptually ordered, readable in greyscale). */
    static final class Colormap {
        private static final int[][] STOPS = {
                {48, 18, 59}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

        static int rgb(double t) {
            double x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
            double f = x - i;
            int r = (int) Math.round(STOPS[i][0] + f * (STOPS[i + 1][0] - STOPS[i][0]));
            int g = (int) Math.round(STOPS[i][1] + f * (STOPS[i + 1][1] - STOPS[i][1]));
            int b = (int) Math.round(STOPS[i][2] + f * (STOPS[i + 1][2] - STOPS[i][2]));
            return (r << 16) | (g << 8) | b;
        }
    }
}
