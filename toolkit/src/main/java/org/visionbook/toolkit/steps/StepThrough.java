package org.visionbook.toolkit.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;
import org.visionbook.toolkit.display.Escape;

/**
 * A {@link Trace} as a self-contained HTML widget: the input grid with the sliding window, the
 * kernel, the products, the arithmetic and the output filling in; play/pause, step buttons, a
 * slider; hovering an output cell outlines its receptive field in the input.
 *
 * <p>Everything is inline (CSS, script, data): it works offline and in exported HTML. Each widget
 * gets a random element id and scopes its CSS and script to it, so many can share a page. Where
 * scripts do not run (an untrusted notebook, a static viewer), a PNG of the first, second and last
 * steps shows instead; the same PNG is in the bundle as {@code image/png}. Immutable.
 *
 * @param trace        what to show
 * @param title        heading above the grids
 * @param cellSize     pixels per grid cell
 * @param stepMillis   time per step when playing
 */
public record StepThrough(Trace trace, String title, int cellSize, int stepMillis) implements Displayable {

    private static final String CSS = resource("step-through.css");
    private static final String SCRIPT = resource("step-through.js");
    private static final SecureRandom IDS = new SecureRandom();

    public StepThrough {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(title, "title");
        if (cellSize < 12) {
            throw new IllegalArgumentException("cellSize must be at least 12 pixels; got " + cellSize);
        }
        if (stepMillis < 20) {
            throw new IllegalArgumentException("stepMillis must be at least 20; got " + stepMillis);
        }
    }

    /** Defaults: a title from the trace, cells of 30 pixels (fewer for big inputs), 600 ms per step. */
    public static StepThrough of(Trace trace) {
        int largest = Math.max(trace.input().length + trace.padRows().total(),
                trace.input()[0].length + trace.padCols().total());
        int cell = Math.max(16, Math.min(30, 420 / Math.max(largest, 1)));
        return new StepThrough(trace, capitalised(trace.kind().label()) + ", " + trace.spec(), cell, 600);
    }

    public StepThrough withTitle(String title) {
        return new StepThrough(trace, title, cellSize, stepMillis);
    }

    public StepThrough withCellSize(int pixels) {
        return new StepThrough(trace, title, pixels, stepMillis);
    }

    public StepThrough withStepMillis(int millis) {
        return new StepThrough(trace, title, cellSize, millis);
    }

    /** The widget as one HTML fragment with a fresh element id. */
    public String html() {
        String id = "vb-steps-" + HexFormat.of().formatHex(randomBytes());
        String png = Base64.getEncoder().encodeToString(fallbackPng());
        return "<div id=\"" + id + "\" class=\"vb-steps\">\n"
                + "<style>\n" + CSS.replace("__ID__", id)
                        .replace("__CELL__", String.valueOf(cellSize))
                        .replace("__FONT__", String.valueOf(Math.max(8, Math.round(cellSize * 0.36))))
                + "</style>\n"
                + "<div class=\"vb-fallback\"><div><b>" + escape(title) + "</b></div>"
                + "<img alt=\"" + escape(trace.summary()) + "\" src=\"data:image/png;base64," + png + "\">"
                + "<div style=\"color:#777;font-size:11px\">A static picture of steps "
                + escape(fallbackLabel()) + ". Run the cell (or trust the notebook) to step through it.</div></div>\n"
                + "<div class=\"vb-live\" style=\"display:none\"></div>\n"
                + "<script type=\"application/json\" class=\"vb-data\">" + json() + "</script>\n"
                + "<script>\n" + SCRIPT.replace("__ID__", id).replace("__TINTS__", TracePicture.tintsJson()) + "</script>\n"
                + "</div>";
    }

    /** The PNG shown where scripts do not run: the first, second and last steps. */
    public byte[] fallbackPng() {
        return new TracePicture(trace, 0).strip(fallbackSteps());
    }

    /** text/plain (summary and formulas), text/html (the widget) and image/png (the static fallback). */
    @Override
    public MimeBundle toMimeBundle() {
        String text = trace.summary() + "\n  output " + trace.outputHeight() + "\n  output " + trace.outputWidth()
                + "\n  step 1: " + trace.step(0).arithmetic();
        return MimeBundle.of(text).withHtml(html()).withPng(fallbackPng());
    }

    /** The data the script reads: the grids, the geometry and every step. */
    String json() {
        StringBuilder b = new StringBuilder(256 + trace.size() * 64);
        b.append("{\"kind\":").append(string(trace.kind().label()))
                .append(",\"title\":").append(string(title))
                .append(",\"millis\":").append(stepMillis)
                .append(",\"padTop\":").append(trace.padRows().before())
                .append(",\"padBottom\":").append(trace.padRows().after())
                .append(",\"padLeft\":").append(trace.padCols().before())
                .append(",\"padRight\":").append(trace.padCols().after())
                .append(",\"kH\":").append(trace.spec().kernelHeight())
                .append(",\"kW\":").append(trace.spec().kernelWidth())
                .append(",\"bias\":").append(Numbers.json(trace.bias()))
                .append(",\"formula\":[").append(string("output " + trace.outputHeight().toString()))
                .append(',').append(string("output " + trace.outputWidth().toString())).append(']')
                .append(",\"input\":").append(grid(trace.input()))
                .append(",\"kernel\":").append(grid(trace.kernel()))
                .append(",\"output\":").append(grid(trace.output()))
                .append(",\"steps\":[");
        List<Step> steps = trace.steps();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            b.append(k == 0 ? "" : ",").append("\n{\"r\":").append(s.outRow()).append(",\"c\":").append(s.outCol())
                    .append(",\"cells\":[");
            for (int w = 0; w < s.window().size(); w++) {
                Step.Cell cell = s.window().get(w);
                b.append(w == 0 ? "" : ",").append('[').append(cell.row()).append(',').append(cell.col()).append(']');
            }
            b.append("],\"products\":[");
            for (int w = 0; w < s.products().size(); w++) {
                b.append(w == 0 ? "" : ",").append(Numbers.json(s.products().get(w)));
            }
            b.append("],\"sum\":").append(Numbers.json(s.sum()))
                    .append(",\"divisor\":").append(Numbers.json(s.divisor()))
                    .append(",\"out\":").append(Numbers.json(s.output()))
                    .append(",\"chosen\":").append(s.chosen()).append('}');
        }
        return b.append("]}").toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String s) {
        return Escape.html(s);
    }

    private int[] fallbackSteps() {
        int last = trace.size() - 1;
        return last == 0 ? new int[] {0} : last == 1 ? new int[] {0, 1} : new int[] {0, 1, last};
    }

    private String fallbackLabel() {
        int[] steps = fallbackSteps();
        StringBuilder label = new StringBuilder();
        for (int k = 0; k < steps.length; k++) {
            label.append(k == 0 ? "" : k == steps.length - 1 ? " and " : ", ").append(steps[k] + 1);
        }
        return label + " of " + trace.size();
    }

    private static String grid(double[][] grid) {
        StringBuilder b = new StringBuilder("[");
        for (int r = 0; r < grid.length; r++) {
            b.append(r == 0 ? "[" : ",[");
            for (int c = 0; c < grid[r].length; c++) {
                b.append(c == 0 ? "" : ",").append(Numbers.json(grid[r][c]));
            }
            b.append(']');
        }
        return b.append(']').toString();
    }

    /** A JSON string that is also safe inside a script element (no "<", ">" or "&" left raw). */
    private static String string(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == '\u2028' || ch == '\u2029') {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        IDS.nextBytes(bytes);
        return bytes;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String resource(String name) {
        try (InputStream in = StepThrough.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the toolkit jar is missing " + name + " next to StepThrough.class");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
