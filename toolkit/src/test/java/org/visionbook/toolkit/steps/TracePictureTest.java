package org.visionbook.toolkit.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.visionbook.toolkit.viz.ColorMap;

class TracePictureTest {

    @Test
    void positiveValuesAreRedAndNegativeBlueLikeEveryOtherSignedPictureInTheCourse() {
        Color positive = TracePicture.tint(2.0, 2.0);
        Color negative = TracePicture.tint(-2.0, 2.0);
        assertTrue(positive.getRed() > positive.getBlue(), "positive should be red: " + positive);
        assertTrue(negative.getBlue() > negative.getRed(), "negative should be blue: " + negative);
        // the same hues as viz's diverging map, on its paler inner part
        assertEquals(ColorMap.DIVERGING.rgb(0.8), positive.getRGB() & 0xFFFFFF);
        assertEquals(ColorMap.DIVERGING.rgb(0.2), negative.getRGB() & 0xFFFFFF);
    }

    @Test
    void zeroAndUndefinedValuesAreWhite() {
        assertEquals(Color.WHITE, TracePicture.tint(0.0, 3.0));
        assertEquals(Color.WHITE, TracePicture.tint(Double.NaN, 3.0));
        assertEquals(Color.WHITE, TracePicture.tint(1.0, 0.0));
    }

    @Test
    void largerMagnitudesAreStrongerColours() {
        Color weak = TracePicture.tint(0.25, 1.0);
        Color strong = TracePicture.tint(1.0, 1.0);
        assertTrue(strong.getGreen() < weak.getGreen(), weak + " vs " + strong);
    }

    @Test
    void theLiveWidgetGetsExactlyTheShadesOfTheStaticPicture() {
        String json = TracePicture.tintsJson();
        String strongestRed = String.format("#%06x", ColorMap.DIVERGING.rgb(0.8));
        String strongestBlue = String.format("#%06x", ColorMap.DIVERGING.rgb(0.2));
        assertTrue(json.startsWith("{\"pos\":[\"#ffffff\","), json);
        assertTrue(json.contains(strongestRed + "\"],\"neg\":[\"#ffffff\","), json);
        assertTrue(json.endsWith(strongestBlue + "\"]}"), json);
        String html = StepThrough.of(Trace.convolution(new double[][] {{1, -2}, {3, 4}},
                new double[][] {{1}}, Conv2dSpec.kernel(1))).html();
        assertTrue(html.contains("var TINTS = " + json + ";"), "the widget's script should carry the shades");
    }

    @Test
    void theArithmeticIsWrappedSoEveryLineFitsThePictureAndNoWordIsLost() {
        String text = String.join(" + ", java.util.Collections.nCopies(40, "0\u00d7(\u22121)"));
        List<String> lines = TracePicture.wrap(text, 300);
        FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(TracePicture.FORMULA_FONT);
        assertTrue(lines.size() > 1, "40 terms cannot fit 300 px on one line");
        for (String line : lines) {
            assertTrue(metrics.stringWidth(line) <= 300, "too wide: " + line);
        }
        assertEquals(text, String.join(" ", lines));
    }
}
