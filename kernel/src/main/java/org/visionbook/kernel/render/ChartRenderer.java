package org.visionbook.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** XChart charts: PNG by default, SVG on request ({@code display(chart, "image/svg+xml")}). */
public final class ChartRenderer implements RendererExtension {

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_SVG)
                .register(ChartRenderer::render);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void render(Chart chart, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(chart));
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> {
            try {
                return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
            } catch (IOException e) {
                throw new UncheckedIOException("could not draw the chart '" + chart.getTitle() + "' as PNG", e);
            }
        });
        context.renderIfRequested(MIMEType.IMAGE_SVG, () -> {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            try {
                VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } catch (IOException e) {
                throw new UncheckedIOException("could not draw the chart '" + chart.getTitle() + "' as SVG", e);
            }
            return svg.toString(StandardCharsets.UTF_8);
        });
    }

    @SuppressWarnings("rawtypes")
    static String describe(Chart chart) {
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " '" + chart.getTitle() + "'";
        return chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "x" + chart.getHeight()
                + ", series " + chart.getSeriesMap().keySet() + ")";
    }
}
