package org.visionbook.toolkit.check;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.display.DisplaySink;
import org.visionbook.toolkit.display.MimeBundle;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckTest {

    private final List<Object> shown = new ArrayList<>();
    private DisplaySink previous;

    @BeforeEach
    void captureDisplay() {
        previous = Display.install(new DisplaySink() {
            @Override
            public String display(Object value) {
                shown.add(value);
                return "id";
            }

            @Override
            public void update(String displayId, Object value) {
                shown.add(value);
            }

            @Override
            public boolean isRich() {
                return true;
            }
        });
    }

    @AfterEach
    void restoreDisplay() {
        Display.install(previous);
    }

    static double[] scale(double[] v, double k) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= k;
        }
        return out;
    }

    @Test
    void passingChecksShowAGreenReportAndDoNotThrow() {
        Check.exercise("scale")
                .close("doubles each value", new double[]{2, 4}, () -> scale(new double[]{1, 2}, 2), 1e-12)
                .equal("keeps the length", 3, () -> scale(new double[3], 1).length)
                .done();
        assertEquals(1, shown.size());
        MimeBundle bundle = ((Check) shown.get(0)).toMimeBundle();
        assertTrue(bundle.plainText().startsWith("scale: all 2 checks passed"), bundle.plainText());
        assertTrue(bundle.data().get(MimeBundle.HTML).contains("#2e7d32"));
    }

    @Test
    void aFailureSaysWhatWasExpectedAndWhatWasGot() {
        Check check = Check.exercise("scale")
                .close("doubles each value", new double[]{2, 4, 6}, () -> new double[]{2, 4, 7}, 1e-9);
        String text = check.toString();
        assertTrue(text.contains("expected: [2, 4, 6]"), text);
        assertTrue(text.contains("got:      [2, 4, 7]"), text);
        assertTrue(text.contains("1 of 3 values differ by more than 1e-9"), text);
        assertTrue(text.contains("largest difference is at [2]: expected 6, got 7"), text);
        AssertionError e = assertThrows(AssertionError.class, check::done);
        assertTrue(e.getMessage().contains("scale: 1 of 1 checks failed"), e.getMessage());
    }

    @Test
    void aShapeMismatchIsReportedAsShapes() {
        Check check = Check.exercise("conv")
                .shape("output shape", new long[]{1, 6, 24, 24}, () -> Nd4j.zeros(1, 6, 26, 26));
        Outcome o = check.outcomes().get(0);
        assertFalse(o.passed());
        assertTrue(o.detail().contains("expected shape [1, 6, 24, 24]"), o.detail());
        assertTrue(o.detail().contains("got shape      [1, 6, 26, 26]"), o.detail());
    }

    @Test
    void anExceptionFromTheStudentsCodeFailsOnlyThatCheck() {
        Check check = Check.exercise("conv-forward")
                .isTrue("runs", () -> {
                    throw new UnsupportedOperationException("exercise conv-forward: not implemented yet");
                })
                .isTrue("one is one", () -> 1 == 1);
        assertEquals(2, check.outcomes().size());
        assertFalse(check.outcomes().get(0).passed());
        assertEquals("your code threw UnsupportedOperationException: exercise conv-forward: not implemented yet",
                check.outcomes().get(0).detail());
        assertTrue(check.outcomes().get(1).passed());
    }

    @Test
    void weightsGivePartialCredit() {
        Check check = Check.exercise("pool")
                .isTrue("a", () -> true).weight(3)
                .isTrue("b", () -> false)
                .isTrue("c", () -> true);
        assertEquals(4, check.passedWeight());
        assertEquals(5, check.totalWeight());
        assertFalse(check.allPassed());
    }

    @Test
    void hintsAreShownOnlyWhenTheirCheckFails() {
        Check check = Check.exercise("softmax").hint("think about overflow")
                .isTrue("passes", () -> true).hint("never shown")
                .isTrue("fails", () -> false).hint("subtract the max first");
        String text = check.toString();
        assertTrue(text.contains("hint: subtract the max first"), text);
        assertTrue(text.contains("hint: think about overflow"), text);
        assertFalse(text.contains("never shown"), text);
    }

    @Test
    void aFailingMatrixCheckCarriesAPictureOfExpectedActualAndDifference() throws Exception {
        double[][] expected = {{0, 1, 2}, {3, 4, 5}};
        Check check = Check.exercise("feature-map")
                .close("feature map", expected, () -> new double[][]{{0, 1, 2}, {3, 4, Double.NaN}}, 1e-6);
        Outcome o = check.outcomes().get(0);
        assertNotNull(o.picture());
        var img = ImageIO.read(new ByteArrayInputStream(o.picture().differencePng()));
        assertEquals(3 * 16, img.getWidth(), "small maps are enlarged, at most 16 times");
        assertEquals(2 * 16, img.getHeight());
        String html = check.toMimeBundle().data().get(MimeBundle.HTML);
        assertEquals(3, html.split("data:image/png;base64,", -1).length - 1, "three panels");
    }

    @Test
    void threeDimensionalArraysAndNd4jArraysAreCompared() {
        double[][][] e = new double[2][3][3];
        double[][][] a = new double[2][3][3];
        a[1][2][0] = 0.5;
        Check check = Check.exercise("conv")
                .close("channels", e, () -> a, 1e-3)
                .close("nd4j", Nd4j.create(new double[]{1, 2, 3, 4}, 2, 2), () -> Nd4j.create(new double[]{1, 2, 3, 4}, 2, 2), 0)
                .close("nd4j differs", Nd4j.zeros(1, 2, 2, 2), () -> Nd4j.ones(1, 2, 2, 2), 0.1);
        assertTrue(check.outcomes().get(0).detail().contains("at [1, 2, 0]: expected 0, got 0.5"), check.outcomes().get(0).detail());
        assertTrue(check.outcomes().get(1).passed());
        assertNotNull(check.outcomes().get(2).picture(), "a batch of one is drawn");
    }

    @Test
    void arraysOfDifferentShapeHaveNoPicture() {
        Check check = Check.exercise("x").close("m", new double[][]{{1}}, () -> new double[][]{{1, 2}}, 0);
        assertNull(check.outcomes().get(0).picture());
    }

    @Test
    void raggedArraysAreNamedInTheMessage() {
        Check check = Check.exercise("x").close("m", new double[][]{{1, 2}, {3, 4}}, () -> new double[][]{{1, 2}, {3}}, 0);
        assertTrue(check.outcomes().get(0).detail().contains("ragged: row 1"), check.outcomes().get(0).detail());
    }

    @Test
    void theHtmlReportEscapesEverythingTheStudentControls() {
        Check check = Check.exercise("<b>x</b>").equal("<script>alert(1)</script>", "a", () -> "<img src=x onerror=alert(1)>");
        String html = check.toMimeBundle().data().get(MimeBundle.HTML);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void expectedExceptionsAreChecked() {
        Check check = Check.exercise("x")
                .throwsException("rejects negative sizes", IllegalArgumentException.class, () -> {
                    throw new IllegalArgumentException("size < 0");
                })
                .throwsException("rejects null", NullPointerException.class, () -> { });
        assertTrue(check.outcomes().get(0).passed());
        assertEquals("expected NullPointerException to be thrown\ngot:      no exception", check.outcomes().get(1).detail());
    }

    @Test
    void doneShowsTheReportOnlyOnce() {
        Check check = Check.exercise("x").isTrue("t", () -> true);
        check.done();
        check.close();
        assertEquals(1, shown.size());
    }
}
