package org.visionbook.toolkit.steps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.visionbook.toolkit.viz.ColorMap;

/**
 * Draws one step of a {@link Trace} as a picture: the padded input with the window outlined, the
 * kernel (or the window's values, for pooling), the output filled in so far, and the arithmetic
 * underneath. The static fallback of the widget and the frames of the GIF both come from here.
 */
final class TracePicture {

    // near-black: it must stand out on both the red and the blue cells
    static final Color WINDOW = new Color(0x1A, 0x1A, 0x1A);
    /** Shades per sign: a dozen are plenty to read, and keep the palette (and the files) small. */
    static final int SHADES = 12;
    private static final Color PADDING = new Color(0xE4, 0xE4, 0xE4);
    private static final Color GRID = new Color(0xBB, 0xBB, 0xBB);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Font FORMULA_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int MARGIN = 12;
    private static final int GAP = 28;
    private static final int TITLE = 20;
    private static final int LINE = 17;

    private final Trace trace;
    private final int cell;
    private final double[][] input;
    private final int top;
    private final int left;
    private final int paddedRows;
    private final int paddedCols;
    private final int middleRows;
    private final int middleCols;
    private final double inputScale;
    private final double kernelScale;
    private final double outputScale;
    private final int textLines;

    TracePicture(Trace trace, int cellSize) {
        this.trace = trace;
        this.input = trace.input();
        this.top = trace.padRows().before();
        this.left = trace.padCols().before();
        this.paddedRows = input.length + trace.padRows().total();
        this.paddedCols = input[0].length + trace.padCols().total();
        this.middleRows = trace.spec().kernelHeight();
        this.middleCols = trace.spec().kernelWidth();
        int largest = Math.max(Math.max(paddedRows, paddedCols), 1);
        this.cell = cellSize > 0 ? cellSize : Math.max(10, Math.min(30, 330 / largest));
        this.inputScale = maxAbs(input);
        this.kernelScale = maxAbs(trace.kernel());
        this.outputScale = maxAbs(trace.output());
        // every frame gets room for the longest arithmetic, so all frames (and GIF frames) share one size
        this.textLines = trace.steps().stream()
                .mapToInt(step -> wrap(pretty(step.arithmetic()), frameWidth() - 2 * MARGIN).size())
                .max().orElse(1);
    }

    /** PNG bytes of a vertical strip of the given steps, each labelled. */
    byte[] strip(int... stepIndexes) {
        List<BufferedImage> frames = new ArrayList<>();
        for (int k : stepIndexes) {
            frames.add(frame(k));
        }
        int width = frames.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int height = frames.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage strip = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage frame : frames) {
            g.drawImage(frame, 0, y, null);
            y += frame.getHeight();
            g.setColor(GRID);
            g.drawLine(0, y - 1, width, y - 1);
        }
        g.dispose();
        return Palette.png(strip);
    }

    /** The picture after step {@code k}: outputs 0..k filled, window k outlined. */
    BufferedImage frame(int k) {
        Step step = trace.step(k);
        List<String> lines = wrap(pretty(step.arithmetic()), frameWidth() - 2 * MARGIN);
        int gridRows = Math.max(paddedRows, Math.max(middleRows + 1, trace.output().length));
        int height = MARGIN + TITLE + TITLE + gridRows * cell + 10 + textLines * LINE + MARGIN;
        BufferedImage image = new BufferedImage(frameWidth(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), height);

        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(trace.kind().label() + ": step " + (k + 1) + " of " + trace.size() + ", output ("
                + step.outRow() + ", " + step.outCol() + ")", MARGIN, MARGIN + 13);

        int gridTop = MARGIN + TITLE + TITLE;
        int x = MARGIN;
        drawInput(g, step, x, gridTop);
        x += paddedCols * cell + GAP;
        drawMiddle(g, step, x, gridTop);
        x += middleCols * cell + GAP;
        drawOutput(g, step, x, gridTop);

        g.setColor(TEXT);
        g.setFont(FORMULA_FONT);
        int y = gridTop + gridRows * cell + 10 + 12;
        for (String line : lines) {
            g.drawString(line, MARGIN, y);
            y += LINE;
        }
        g.dispose();
        return image;
    }

    int frameWidth() {
        int grids = paddedCols * cell + GAP + middleCols * cell + GAP + trace.output()[0].length * cell;
        return Math.max(MARGIN * 2 + grids, 360);
    }

    /** Plain-text arithmetic with a real multiplication sign and minus sign, for pictures. */
    static String pretty(String arithmetic) {
        return arithmetic.replace('*', '\u00D7').replace('-', '\u2212');
    }

    private void drawInput(Graphics2D g, Step step, int x0, int y0) {
        title(g, trace.padRows().total() + trace.padCols().total() > 0 ? "input (grey: padding)" : "input", x0, y0);
        for (int r = 0; r < paddedRows; r++) {
            for (int c = 0; c < paddedCols; c++) {
                int row = r - top;
                int col = c - left;
                boolean padding = row < 0 || row >= input.length || col < 0 || col >= input[0].length;
                double value = padding ? (trace.kind() == Trace.Kind.MAX_POOLING ? Double.NaN : 0) : input[row][col];
                fillCell(g, x0 + c * cell, y0 + r * cell, padding ? PADDING : tint(value, inputScale), value);
            }
        }
        for (int w = 0; w < step.window().size(); w++) {
            Step.Cell cellUnder = step.window().get(w);
            int cx = x0 + (cellUnder.col() + left) * cell;
            int cy = y0 + (cellUnder.row() + top) * cell;
            outline(g, cx, cy, w == step.chosen() ? 4f : 2.5f);
        }
    }

    private void drawMiddle(Graphics2D g, Step step, int x0, int y0) {
        boolean convolution = trace.kind() == Trace.Kind.CONVOLUTION;
        title(g, convolution ? "kernel" : "window", x0, y0);
        double[][] kernel = trace.kernel();
        for (int ky = 0; ky < middleRows; ky++) {
            for (int kx = 0; kx < middleCols; kx++) {
                int w = ky * middleCols + kx;
                Step.Cell under = step.window().get(w);
                int cx = x0 + kx * cell;
                int cy = y0 + ky * cell;
                if (convolution) {
                    fillCell(g, cx, cy, tint(kernel[ky][kx], kernelScale), kernel[ky][kx]);
                } else if (under.padding()) {
                    fillCell(g, cx, cy, PADDING, trace.kind() == Trace.Kind.MAX_POOLING ? Double.NaN : 0);
                } else {
                    fillCell(g, cx, cy, tint(under.value(), inputScale), under.value());
                }
                if (w == step.chosen()) {
                    outline(g, cx, cy, 4f);
                }
            }
        }
        if (convolution && trace.bias() != 0) {
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString("bias " + pretty(Numbers.format(trace.bias(), 3)), x0, y0 + middleRows * cell + 14);
        }
    }

    private void drawOutput(Graphics2D g, Step step, int x0, int y0) {
        title(g, "output", x0, y0);
        double[][] output = trace.output();
        int cols = output[0].length;
        for (int r = 0; r < output.length; r++) {
            for (int c = 0; c < cols; c++) {
                boolean done = r * cols + c <= step.index();
                fillCell(g, x0 + c * cell, y0 + r * cell, done ? tint(output[r][c], outputScale) : Color.WHITE,
                        done ? output[r][c] : Double.NaN);
            }
        }
        outline(g, x0 + step.outCol() * cell, y0 + step.outRow() * cell, 2.5f);
    }

    private void title(Graphics2D g, String title, int x, int gridTop) {
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, x, gridTop - 6);
    }

    /** A coloured cell with its value written in it (NaN: no text), in as many decimals as fit. */
    private void fillCell(Graphics2D g, int x, int y, Color fill, double value) {
        g.setColor(fill);
        g.fillRect(x, y, cell, cell);
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, cell, cell);
        if (cell < 18 || Double.isNaN(value)) {
            return; // too small to read: the colour says it
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, (int) Math.round(cell * 0.36)));
        FontMetrics metrics = g.getFontMetrics(font);
        String label = pretty(Numbers.format(value, 2));
        for (int decimals = 1; decimals >= 0 && metrics.stringWidth(label) > cell - 3; decimals--) {
            label = pretty(Numbers.format(value, decimals));
        }
        while (metrics.stringWidth(label) > cell - 3 && font.getSize() > 8) {
            font = font.deriveFont((float) font.getSize() - 1);
            metrics = g.getFontMetrics(font);
        }
        g.setFont(font);
        g.setColor(TEXT);
        g.drawString(label, x + (cell - metrics.stringWidth(label)) / 2,
                y + (cell + metrics.getAscent() - metrics.getDescent()) / 2);
    }

    private void outline(Graphics2D g, int x, int y, float width) {
        g.setColor(WINDOW);
        g.setStroke(new BasicStroke(width));
        g.drawRect(x + 1, y + 1, cell - 2, cell - 2);
        g.setStroke(new BasicStroke(1f));
    }

    /**
     * The course's diverging map (viz's: red for positive, blue for negative), kept to its paler
     * inner part so the numbers written on the cells stay readable.
     */
    static Color tint(double value, double scale) {
        if (!Double.isFinite(value) || scale == 0) {
            return Color.WHITE;
        }
        double strength = Math.round(Math.min(1, Math.abs(value) / scale) * SHADES) / (double) SHADES * 0.6;
        return new Color(ColorMap.DIVERGING.rgb(0.5 + Math.copySign(strength, value) / 2));
    }

    /** Every shade {@link #tint} can give, as a JSON object {"pos": [...], "neg": [...]} of CSS colours, weakest first. */
    static String tintsJson() {
        StringBuilder pos = new StringBuilder();
        StringBuilder neg = new StringBuilder();
        for (int k = 0; k <= SHADES; k++) {
            String sep = k == 0 ? "" : ",";
            pos.append(sep).append(css(tint((double) k / SHADES, 1)));
            neg.append(sep).append(css(tint(-(double) k / SHADES, 1)));
        }
        return "{\"pos\":[" + pos + "],\"neg\":[" + neg + "]}";
    }

    private static String css(Color c) {
        return String.format("\"#%06x\"", c.getRGB() & 0xFFFFFF);
    }

    private static double maxAbs(double[][] grid) {
        double max = 0;
        for (double[] row : grid) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    /** Splits the arithmetic at spaces so that each line, measured in the font it is drawn in, fits the width. */
    static List<String> wrap(String text, int widthPixels) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics metrics = scratch.getFontMetrics(FORMULA_FONT);
        scratch.dispose();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && metrics.stringWidth(longer) > widthPixels) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(longer);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
