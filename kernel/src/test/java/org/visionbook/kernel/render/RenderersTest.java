package org.visionbook.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderersTest {

    final Renderer renderer = Renderers.create();

    static BufferedImage decodePng(DisplayData data) throws IOException {
        Object png = data.getData(MIMEType.IMAGE_PNG);
        assertNotNull(png, "no image/png in the bundle");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) png)));
    }

    @Test
    void aBufferedImageBecomesAPngOfTheSameSizeWithADescriptiveTextFallback() throws IOException {
        BufferedImage img = new BufferedImage(28, 14, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(3, 4, 0, 200);
        DisplayData data = renderer.render(img);
        BufferedImage back = decodePng(data);
        assertEquals(28, back.getWidth());
        assertEquals(14, back.getHeight());
        assertEquals(200, back.getRaster().getSample(3, 4, 0));
        assertEquals("BufferedImage 28x14 (grey)", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void anXChartChartIsAPngByDefaultAndSvgOnRequest() throws IOException {
        XYChart chart = new XYChartBuilder().width(300).height(200).title("loss").build();
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {0.9, 0.5, 0.3});
        DisplayData png = renderer.render(chart);
        assertEquals(300, decodePng(png).getWidth());
        assertNull(png.getData(MIMEType.IMAGE_SVG));
        assertTrue(((String) png.getData(MIMEType.TEXT_PLAIN)).contains("'loss'"));

        DisplayData svg = renderer.renderAs(chart, "image/svg+xml");
        assertTrue(((String) svg.getData(MIMEType.IMAGE_SVG)).contains("<svg"));
        assertNull(svg.getData(MIMEType.IMAGE_PNG));
    }

    @Test
    void aTablesawTableIsAnEscapedHtmlTable() {
        Table t = Table.create("scores", IntColumn.create("epoch", 1, 2), DoubleColumn.create("a<b", 0.5, 0.25));
        DisplayData data = renderer.render(t);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<th>a&lt;b</th>"), html);
        assertTrue(html.contains("<td>0.25</td>"), html);
        assertTrue(html.contains("2 rows"), html);
        assertTrue(((String) data.getData(MIMEType.TEXT_PLAIN)).contains("epoch"));
    }

    @Test
    void aLongTableShowsItsEdgesOnly() {
        int[] n = new int[1000];
        for (int i = 0; i < n.length; i++) {
            n[i] = i;
        }
        String html = (String) renderer.render(Table.create("long", IntColumn.create("n", n))).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<td>0</td>") && html.contains("<td>999</td>"));
        assertFalse(html.contains("<td>500</td>"));
        assertTrue(html.contains("&hellip;"));
    }

    @Test
    void aSmall2dArrayGetsASummaryAndAHeatmapOneColourPerCell() throws IOException {
        DisplayData data = renderer.render(Nd4j.linspace(1, 6, 6, DataType.FLOAT).reshape(2, 3));
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("INDArray FLOAT [2, 3]"), html);
        assertTrue(html.contains("min 1.000"), html);
        assertTrue(html.contains("max 6.000"), html);
        assertTrue(html.contains("data:image/png;base64,"), html);
        String text = (String) data.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.startsWith("INDArray FLOAT [2, 3]"), text);

        BufferedImage heatmap = decodePng(renderer.renderAs(Nd4j.linspace(1, 6, 6, DataType.FLOAT).reshape(2, 3), "image/png"));
        int cell = heatmap.getWidth() / 3;
        assertEquals(2 * cell, heatmap.getHeight());
        assertTrue(heatmap.getRGB(0, 0) != heatmap.getRGB(2 * cell, cell), "lowest and highest values share a colour");
    }

    @Test
    void aVectorOrLargeArrayGetsNoHeatmap() {
        assertFalse(((String) renderer.render(Nd4j.ones(5)).getData(MIMEType.TEXT_HTML)).contains("<img"));
        assertFalse(((String) renderer.render(Nd4j.zeros(DataType.FLOAT, 600, 600)).getData(MIMEType.TEXT_HTML)).contains("<img"));
    }

    @Test
    void aToolkitDisplayableIsShownFromItsOwnMimeBundle() {
        Displayable widget = () -> MimeBundle.of("a widget").withHtml("<b>a widget</b>");
        DisplayData data = renderer.render(widget);
        assertEquals("<b>a widget</b>", data.getData(MIMEType.TEXT_HTML));
        assertEquals("a widget", data.getData(MIMEType.TEXT_PLAIN));
        DisplayData textOnly = renderer.renderAs(widget, "text/plain");
        assertNull(textOnly.getData(MIMEType.TEXT_HTML));
    }

    @Test
    void everythingElseFallsBackToPlainText() {
        assertEquals("[1, 2]", renderer.render(java.util.List.of(1, 2)).getData(MIMEType.TEXT_PLAIN));
    }
}
