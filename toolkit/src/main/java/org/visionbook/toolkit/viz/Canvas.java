package org.visionbook.toolkit.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A white RGB image with a Graphics2D set up for crisp pictures: antialiased text, but shapes and
 * images drawn without smoothing so every data pixel keeps its exact colour.
 */
final class Canvas implements AutoCloseable {

    static final Color INK = new Color(0x222222);
    static final Color MUTED = new Color(0x666666);
    static final Color MISTAKE = new Color(0xD62728);

    final BufferedImage image;
    final Graphics2D g;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    /** How text is measured before drawing; matches the canvas (antialiased, fractional metrics). */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    static int textWidth(Font font, String text) {
        return (int) Math.ceil(font.getStringBounds(text, FRC).getWidth());
    }

    /** The height one line of {@code font} takes: ascent + descent + leading, rounded up. */
    static int lineHeight(Font font) {
        return (int) Math.ceil(font.getLineMetrics("Ag", FRC).getHeight());
    }

    /** {@code text} cut with an ellipsis so it is at most {@code width} px wide. */
    static String fit(Font font, String text, int width) {
        if (textWidth(font, text) <= width) {
            return text;
        }
        String dots = Fonts.glyphOr("\u2026", "..");
        for (int n = text.length() - 1; n > 0; n--) {
            String cut = text.substring(0, n).stripTrailing() + dots;
            if (textWidth(font, cut) <= width) {
                return cut;
            }
        }
        return dots;
    }

    /** Draws {@code text} centred on {@code cx} with its top at {@code top}. */
    void centred(String text, Font font, Color color, int cx, int top) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, cx - textWidth(font, text) / 2f, top + m.getAscent());
    }

    /** Draws {@code text} left-aligned at {@code left}, vertically centred on {@code cy}. */
    void leftAt(String text, Font font, Color color, int left, int cy) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, left, cy + (m.getAscent() - m.getDescent()) / 2f);
    }

    /** Draws {@code text} right-aligned ending at {@code right}, vertically centred on {@code cy}. */
    void rightAt(String text, Font font, Color color, int right, int cy) {
        leftAt(text, font, color, right - textWidth(font, text), cy);
    }

    /** Draws {@code text} rotated a quarter turn anticlockwise, centred on ({@code cx}, {@code cy}). */
    void vertical(String text, Font font, Color color, int cx, int cy) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(-Math.PI / 2);
        g.setFont(font);
        g.setColor(color);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, -textWidth(font, text) / 2f, (m.getAscent() - m.getDescent()) / 2f);
        g.setTransform(saved);
    }

    /** A rectangle outline {@code thickness} px wide lying just outside the box (x, y, w, h). */
    void frameAround(int x, int y, int w, int h, int thickness, Color color) {
        g.setColor(color);
        g.fillRect(x - thickness, y - thickness, w + 2 * thickness, thickness);
        g.fillRect(x - thickness, y + h, w + 2 * thickness, thickness);
        g.fillRect(x - thickness, y, thickness, h);
        g.fillRect(x + w, y, thickness, h);
    }

    @Override
    public void close() {
        g.dispose();
    }
}
