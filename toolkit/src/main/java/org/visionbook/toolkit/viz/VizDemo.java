package org.visionbook.toolkit.viz;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Renders one of each picture from synthetic data and writes them as PNG (charts also as SVG):
 * {@code java ... org.visionbook.toolkit.viz.VizDemo [output-dir]} (default {@code viz-demo}).
 * Needs no dataset: the digits are drawn with a font, the filters are random.
 */
public final class VizDemo {

    private VizDemo() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "viz-demo");
        List<Path> written = write(dir, 42);
        for (Path p : written) {
            System.out.println(p.toAbsolutePath());
        }
    }

    /** Writes every demo picture into {@code dir} and returns the files written. */
    public static List<Path> write(Path dir, long seed) throws IOException {
        Random random = new Random(seed);
        List<Path> out = new ArrayList<>();

        int n = 64;
        List<float[][]> digits = new ArrayList<>(n);
        int[] labels = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(10);
            digits.add(syntheticDigit(labels[i], random));
            predicted[i] = labels[i];
        }
        for (int k = 0; k < 6; k++) {
            int i = random.nextInt(n);
            predicted[i] = (labels[i] + 1 + random.nextInt(9)) % 10;
        }
        ImageGrid grid = ImageGrid.of(digits).labels(labels).predictions(predicted);
        out.add(grid.render().savePng(dir.resolve("digit-grid.png")));

        String[] fashion = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
        out.add(ImageGrid.of(digits.subList(0, 16)).labels(java.util.Arrays.copyOf(labels, 16))
                .predictions(java.util.Arrays.copyOf(predicted, 16)).classNames(fashion).title("Class names as captions")
                .render().savePng(dir.resolve("named-grid.png")));

        Nd4j.getRandom().setSeed(seed);
        INDArray conv1 = Nd4j.randn(6, 1, 5, 5).muli(0.3);
        out.add(FilterGrid.of(conv1).title("6 random 5 x 5 filters").render().savePng(dir.resolve("filter-grid.png")));
        INDArray conv2 = Nd4j.randn(8, 3, 3, 3).muli(0.5);
        out.add(FilterGrid.of(conv2).render().savePng(dir.resolve("filter-rows.png")));

        float[][] sobel = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
        out.add(Heatmap.of(sobel).diverging().title("Sobel x kernel").axisLabels("column", "row")
                .render().savePng(dir.resolve("sobel-heatmap.png")));
        out.add(Heatmap.of(digits.get(0)).greys().range(ValueRange.unit()).title("Digit " + labels[0])
                .render().savePng(dir.resolve("digit-heatmap.png")));

        float[][][] maps = new float[6][][];
        for (int c = 0; c < 6; c++) {
            maps[c] = relu(convolve(digits.get(0), Tensors.image(conv1.get(
                    org.nd4j.linalg.indexing.NDArrayIndex.point(c), org.nd4j.linalg.indexing.NDArrayIndex.point(0)), "kernel")));
        }
        out.add(FeatureMapGrid.of(maps).title("Random filters on a " + labels[0] + ", after ReLU")
                .render().savePng(dir.resolve("feature-maps.png")));
        out.add(FeatureMapGrid.of(maps).normalization(Normalization.JOINT).title("The same maps on one scale")
                .render().savePng(dir.resolve("feature-maps-joint.png")));

        XYChart hist = HistogramChart.of("conv1 (std 0.3)", conv1).series("conv2 (std 0.5)", conv2)
                .title("Random weights").axes("weight", "count").bins(24).build();
        out.add(save(hist, dir.resolve("weights-histogram.png")));
        out.add(saveSvg(hist, dir.resolve("weights-histogram.svg")));

        double[] train = new double[100];
        double[] test = new double[100];
        for (int i = 0; i < train.length; i++) {
            train[i] = 2.3 * Math.exp(-i / 20.0) + 0.05 + 0.05 * random.nextGaussian() * Math.exp(-i / 50.0);
            test[i] = 2.3 * Math.exp(-i / 22.0) + 0.12;
        }
        XYChart loss = LineChart.titled("Loss (synthetic)").axes("iteration", "cross-entropy")
                .series("train", train).series("test", test).build();
        out.add(save(loss, dir.resolve("loss.png")));
        out.add(saveSvg(loss, dir.resolve("loss.svg")));

        XYChart act = LineChart.titled("Activation functions").axes("x", "f(x)")
                .function("ReLU", x -> Math.max(0, x), -4, 4)
                .function("sigmoid", x -> 1 / (1 + Math.exp(-x)), -4, 4)
                .function("tanh", Math::tanh, -4, 4).build();
        out.add(save(act, dir.resolve("activations.png")));
        return out;
    }

    private static Path save(XYChart chart, Path file) throws IOException {
        PictureFiles.writePng(chart, file);
        return file;
    }

    private static Path saveSvg(XYChart chart, Path file) throws IOException {
        PictureFiles.writeSvg(chart, file);
        return file;
    }

    /** A 28 x 28 digit in [0, 1], white ink on black, drawn with the pictures' font, slightly moved and turned. */
    static float[][] syntheticDigit(int digit, Random random) {
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Font font = Fonts.bold(22f);
        g.setFont(font);
        AffineTransform t = new AffineTransform();
        t.translate(14 + random.nextGaussian(), 14 + random.nextGaussian());
        t.rotate(random.nextGaussian() * 0.15);
        g.transform(t);
        String s = Integer.toString(digit);
        java.awt.FontMetrics m = g.getFontMetrics();
        g.setColor(java.awt.Color.WHITE);
        g.drawString(s, -m.stringWidth(s) / 2f, (m.getAscent() - m.getDescent()) / 2f);
        g.dispose();
        float[][] v = new float[28][28];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                v[r][c] = (img.getRaster().getSample(c, r, 0)) / 255f;
            }
        }
        return v;
    }

    /** A naive 'valid' cross-correlation, enough for a demo picture. */
    static float[][] convolve(float[][] x, float[][] k) {
        int oh = x.length - k.length + 1;
        int ow = x[0].length - k[0].length + 1;
        float[][] y = new float[oh][ow];
        for (int r = 0; r < oh; r++) {
            for (int c = 0; c < ow; c++) {
                float sum = 0;
                for (int i = 0; i < k.length; i++) {
                    for (int j = 0; j < k[0].length; j++) {
                        sum += x[r + i][c + j] * k[i][j];
                    }
                }
                y[r][c] = sum;
            }
        }
        return y;
    }

    static float[][] relu(float[][] x) {
        float[][] y = new float[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = x[r].clone();
            for (int c = 0; c < y[r].length; c++) {
                y[r][c] = Math.max(0, y[r][c]);
            }
        }
        return y;
    }
}
