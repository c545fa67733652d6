package org.visionbook.toolkit.steps;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.visionbook.toolkit.display.MimeBundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepThroughWidgetTest {

    private final Trace trace = Trace.convolution(Tensors.random(31, 1, 1, 6, 5)[0][0],
            new double[][] {{1, 0, -1}, {2, 0, -2}, {1, 0, -1}}, 0.1,
            Conv2dSpec.kernel(3).withPadding(1).withStride(1, 2));

    @Test
    void theHtmlCarriesTheDataOfEveryStep() throws IOException {
        JsonNode data = new ObjectMapper().readTree(embeddedJson(trace.widget().html()));

        assertEquals("convolution", data.get("kind").asText());
        assertEquals(trace.size(), data.get("steps").size());
        for (Step step : trace.steps()) {
            JsonNode s = data.get("steps").get(step.index());
            assertEquals(step.outRow(), s.get("r").asInt());
            assertEquals(step.outCol(), s.get("c").asInt());
            assertEquals(step.output(), s.get("out").asDouble(), 1e-5 * Math.max(1, Math.abs(step.output())));
            assertEquals(step.window().size(), s.get("cells").size());
            for (int k = 0; k < step.window().size(); k++) {
                assertEquals(step.window().get(k).row(), s.get("cells").get(k).get(0).asInt());
                assertEquals(step.window().get(k).col(), s.get("cells").get(k).get(1).asInt());
                assertEquals(step.products().get(k), s.get("products").get(k).asDouble(), 1e-5);
            }
        }
        assertEquals(1, data.get("padTop").asInt());
        assertEquals(trace.output().length, data.get("output").size());
    }

    @Test
    void everyWidgetHasItsOwnIdsAndScopesItsStylesToThem() {
        StepThrough widget = trace.widget();
        String first = widget.html();
        String second = widget.html();

        List<String> ids = new ArrayList<>(ids(first));
        ids.addAll(ids(second));
        assertEquals(2, ids.size(), "one id per widget, found " + ids);
        assertNotEquals(ids.get(0), ids.get(1));
        String style = first.substring(first.indexOf("<style>") + 7, first.indexOf("</style>"));
        for (String rule : style.split("}")) {
            String selector = rule.contains("{") ? rule.substring(0, rule.indexOf('{')).replaceAll("/\\*.*?\\*/", "")
                    .trim() : "";
            if (!selector.isEmpty()) {
                for (String part : selector.split(",")) {
                    assertTrue(part.trim().startsWith("#" + ids.get(0)), "unscoped CSS selector: " + part);
                }
            }
        }
        assertTrue(first.contains("var ID = '" + ids.get(0) + "'"), "the script looks for its own root");
    }

    @Test
    void theWidgetNeedsNothingFromTheNetwork() {
        String html = trace.widget().html();

        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("src=\"//"),
                "external reference in the widget");
        assertFalse(html.contains("<link"), "stylesheet link in the widget");
        assertEquals(2, count(html, "<script"), "one data block and one inline script");
    }

    @Test
    void theBundleHasTextHtmlAndTheSamePngFallbackTheHtmlShowsWithoutScripts() throws IOException {
        MimeBundle bundle = trace.toMimeBundle();

        assertTrue(bundle.plainText().startsWith(trace.summary()));
        assertTrue(bundle.plainText().contains("output height: (6 + 2*1 - 1*(3-1) - 1)/1 + 1 = 6"),
                bundle.plainText());
        String png = bundle.data().get(MimeBundle.PNG);
        assertTrue(bundle.data().get(MimeBundle.HTML).contains("data:image/png;base64," + png));
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        assertTrue(picture.getWidth() >= 360 && picture.getHeight() > 3 * 100, picture.toString());
    }

    @Test
    void textInTheTitleCannotBreakOutOfTheWidget() throws IOException {
        String html = trace.widget().withTitle("a </script><b>bold</b> & \"quoted\" title").html();

        assertFalse(html.contains("</script><b>"));
        assertEquals(2, count(html, "</script>"));
        assertEquals("a </script><b>bold</b> & \"quoted\" title",
                new ObjectMapper().readTree(embeddedJson(html)).get("title").asText());
    }

    @Test
    void theAnimationShowsExactlyEachStepsPictureAndLoops() throws IOException {
        StepAnimation animation = trace.animation();
        byte[] gif = animation.gif();

        assertEquals("GIF89a", new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(new String(gif, java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0"),
                "looping extension");
        List<BufferedImage> shown = composited(gif);
        assertEquals(trace.size(), shown.size());
        TracePicture picture = new TracePicture(trace, 0);
        for (int k = 0; k < shown.size(); k++) {
            BufferedImage expected = picture.frame(k);
            BufferedImage actual = shown.get(k);
            assertEquals(expected.getWidth(), actual.getWidth());
            assertEquals(expected.getHeight(), actual.getHeight());
            assertArrayEquals(expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0,
                            expected.getWidth()),
                    actual.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth()),
                    "frame " + k + " differs from step " + k + "'s picture");
        }
    }

    @Test
    void anAnimationDisplaysAsAnImageInHtmlWithItsLastFrameAsPng() {
        StepAnimation animation = trace.animation().withFrameMillis(300);
        MimeBundle bundle = animation.toMimeBundle();

        assertEquals(trace.summary(), bundle.plainText());
        String html = bundle.data().get(MimeBundle.HTML);
        assertTrue(html.startsWith("<img src=\"data:image/gif;base64,"), html.substring(0, 40));
        byte[] gif = Base64.getDecoder().decode(html.substring(html.indexOf(',') + 1, html.indexOf('"', 30)));
        assertArrayEquals(animation.gif(), gif);
        assertArrayEquals(animation.lastFramePng(), Base64.getDecoder().decode(bundle.data().get(MimeBundle.PNG)));
    }

    @Test
    void longTracesAreSampledDownKeepingTheFirstAndLastStep() {
        Trace big = Trace.averagePooling(Tensors.random(32, 1, 1, 12, 12)[0][0], Conv2dSpec.kernel(3));
        StepAnimation animation = big.animation().withMaxFrames(10);

        int[] frames = animation.frameSteps();

        assertEquals(10, frames.length);
        assertEquals(0, frames[0]);
        assertEquals(big.size() - 1, frames[9]);
        for (int f = 1; f < frames.length; f++) {
            assertTrue(frames[f] > frames[f - 1], "frames go forward");
        }
        assertEquals(new HashSet<>(List.of(0, big.size() - 1)).size(), 2);
    }

    @Test
    void savingAnAnimationWritesTheWholeFileAndLeavesNoTemporaryFiles(@TempDir Path folder) throws IOException {
        StepAnimation animation = Trace.maxPooling(new double[][] {{1, 2}, {3, 4}}, Conv2dSpec.kernel(1)).animation();

        Path saved = animation.save(folder.resolve("pool.gif"));

        assertArrayEquals(animation.gif(), Files.readAllBytes(saved));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(saved), files.toList());
        }
    }

    private static String embeddedJson(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" class=\"vb-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no data block in the widget");
        return m.group(1);
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** What a viewer shows for each frame: every partial frame drawn over the previous picture at its offset. */
    private static List<BufferedImage> composited(byte[] gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            List<BufferedImage> shown = new ArrayList<>();
            BufferedImage canvas = null;
            for (int i = 0; i < count; i++) {
                BufferedImage part = reader.read(i);
                org.w3c.dom.Node root = reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                int left = 0;
                int top = 0;
                for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n.getNodeName().equals("ImageDescriptor")) {
                        left = Integer.parseInt(n.getAttributes().getNamedItem("imageLeftPosition").getNodeValue());
                        top = Integer.parseInt(n.getAttributes().getNamedItem("imageTopPosition").getNodeValue());
                    }
                }
                if (canvas == null) {
                    canvas = new BufferedImage(part.getWidth(), part.getHeight(), BufferedImage.TYPE_INT_RGB);
                }
                java.awt.Graphics2D g = canvas.createGraphics();
                g.drawImage(part, left, top, null); // transparent pixels keep what was there
                g.dispose();
                BufferedImage copy = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_RGB);
                copy.getGraphics().drawImage(canvas, 0, 0, null);
                shown.add(copy);
            }
            return shown;
        } finally {
            reader.dispose();
        }
    }
}
