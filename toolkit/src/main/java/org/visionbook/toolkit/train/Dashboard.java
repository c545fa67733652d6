package org.visionbook.toolkit.train;

import java.util.Base64;
import java.util.Locale;

import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;
import org.visionbook.toolkit.viz.Picture;
import org.visionbook.toolkit.display.Escape;

/**
 * The live training display of a notebook: shown once, then updated in place. The progress line
 * (epoch, batch, examples/s, ETA, running loss and accuracy) refreshes at most every
 * {@code refreshNanos}; the loss/accuracy charts are redrawn at most every {@code chartNanos} and
 * at each epoch's end, since drawing and encoding a PNG costs far more than a line of HTML.
 */
final class Dashboard implements ProgressView {

    static final int CHART_WIDTH = 420;
    static final int CHART_HEIGHT = 270;

    /** One frame of the dashboard: HTML with the charts inline, and a text fallback. */
    record Frame(String html, String text) implements Displayable {
        @Override
        public MimeBundle toMimeBundle() {
            return MimeBundle.of(text).withHtml(html);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final long refreshNanos;
    private final long chartNanos;
    private String displayId;
    private long lastRefresh;
    private long lastChart;
    private String chartPng;
    private long chartRenderNanos;
    private int chartRenders;

    Dashboard(long refreshNanos, long chartNanos) {
        this.refreshNanos = refreshNanos;
        this.chartNanos = chartNanos;
    }

    @Override
    public void begin(Progress p) {
        p.status = "starting";
        if (!p.history.isEmpty()) {
            renderChart(p);
        }
        displayId = Display.show(frame(p));
        lastRefresh = System.nanoTime();
        lastChart = lastRefresh;
    }

    @Override
    public void batch(Progress p) {
        long now = System.nanoTime();
        if (now - lastRefresh < refreshNanos) {
            return;
        }
        p.status = "";
        if (now - lastChart >= chartNanos && p.expectedBatches > 0) {
            renderChart(p);
        }
        Display.update(displayId, frame(p));
        lastRefresh = System.nanoTime();
    }

    @Override
    public void epochEnd(Progress p, EpochRecord record) {
        p.status = Progress.epochLine(record, p.lastEpoch);
        renderChart(p);
        Display.update(displayId, frame(p));
        lastRefresh = System.nanoTime();
    }

    @Override
    public void end(Progress p, TrainingResult result) {
        p.status = result.summary();
        renderChart(p);
        Display.update(displayId, frame(p));
    }

    @Override
    public void failed(Progress p, RuntimeException error) {
        if (displayId != null) {
            p.status = "failed: " + error.getMessage();
            Display.update(displayId, frame(p));
        }
    }

    /** Mean milliseconds per chart redraw so far (a measured cost, for the notes on speed). */
    double meanChartMillis() {
        return chartRenders == 0 ? Double.NaN : chartRenderNanos / 1e6 / chartRenders;
    }

    private void renderChart(Progress p) {
        long t0 = System.nanoTime();
        Picture picture = new Picture(p.history.chartImage(CHART_WIDTH, CHART_HEIGHT, p.expectedBatches, p.epoch),
                "training curves");
        chartPng = Base64.getEncoder().encodeToString(picture.pngBytes());
        lastChart = System.nanoTime();
        chartRenderNanos += lastChart - t0;
        chartRenders++;
    }

    Frame frame(Progress p) {
        double fraction = p.fractionDone();
        String line = p.line();
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"visionbook-training\" style=\"font-family:sans-serif;font-size:13px;line-height:1.5\">");
        html.append("<div><b>").append(escape(p.modelName)).append("</b> &middot; ").append(escape(line)).append("</div>");
        html.append("<div style=\"width:").append(2 * CHART_WIDTH - 20).append("px;height:10px;background:#e5e5e5;border-radius:5px;overflow:hidden\">")
                .append("<div style=\"width:").append(String.format(Locale.ROOT, "%.1f", 100 * fraction))
                .append("%;height:10px;background:#1f77b4\"></div></div>");
        if (!p.status.isEmpty()) {
            html.append("<div style=\"color:#444\">").append(escape(p.status)).append("</div>");
        }
        if (chartPng != null) {
            html.append("<img alt=\"loss and accuracy curves\" src=\"data:image/png;base64,").append(chartPng).append("\"/>");
        }
        html.append("</div>");
        String text = p.modelName + "  " + bar(fraction) + "  " + line + (p.status.isEmpty() ? "" : "\n" + p.status);
        return new Frame(html.toString(), text);
    }

    static String bar(double fraction) {
        int width = 20;
        int filled = (int) Math.round(fraction * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** Escapes text for HTML element content and attribute values. */
    private static String escape(String s) {
        return Escape.html(s);
    }
}
