package org.visionbook.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.visionbook.toolkit.Knobs;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.display.DisplaySink;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;

class ProgressDisplayTest {

    /** Records what the trainer shows, like the kernel's sink would send it. */
    static final class Recorder implements DisplaySink {
        final boolean rich;
        final List<String> shownIds = new ArrayList<>();
        final List<Object> shown = new ArrayList<>();
        final List<String> updatedIds = new ArrayList<>();
        final List<Object> updates = new ArrayList<>();

        Recorder(boolean rich) {
            this.rich = rich;
        }

        @Override
        public String display(Object value) {
            shown.add(value);
            String id = "d" + shown.size();
            shownIds.add(id);
            return id;
        }

        @Override
        public void update(String displayId, Object value) {
            updatedIds.add(displayId);
            updates.add(value);
        }

        @Override
        public boolean isRich() {
            return rich;
        }
    }

    private final LabelledImages train = Tiny.quadrants(256, 1);
    private final LabelledImages test = Tiny.quadrants(64, 2);
    private DisplaySink previous;

    @BeforeEach
    void pin() {
        System.setProperty(Knobs.EPOCHS_PROPERTY, "1000");
    }

    @AfterEach
    void restore() {
        System.clearProperty(Knobs.EPOCHS_PROPERTY);
        if (previous != null) {
            Display.install(previous);
        }
    }

    @Test
    void inANotebookOneDisplayIsShownAndThenUpdatedInPlace() throws Exception {
        Recorder r = new Recorder(true);
        previous = Display.install(r);
        Trainer.of(Tiny.cnn(1, new Adam(1e-2))).name("tiny CNN").epochs(2).validation(Tiny.inOrder(test, 64))
                .refresh(Duration.ZERO).chartRefresh(Duration.ZERO).build().fit(Tiny.inOrder(train, 32));
        assertEquals(1, r.shown.size(), "one display");
        assertTrue(r.updates.size() >= 2 * 8, "updated after batches and epochs: " + r.updates.size());
        assertTrue(r.updatedIds.stream().allMatch(id -> id.equals(r.shownIds.get(0))), "always the same display");

        MimeBundle last = ((Displayable) r.updates.get(r.updates.size() - 1)).toMimeBundle();
        String html = last.data().get(MimeBundle.HTML);
        assertNotNull(html);
        assertTrue(html.contains("tiny CNN") && html.contains("epoch 2/2"), html.substring(0, Math.min(400, html.length())));
        Matcher png = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        assertTrue(png.find(), "the charts are inline");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1)))), "a real PNG");
        assertTrue(last.plainText().contains("done: 2 epoch(s)"), last.plainText());
        assertTrue(html.contains("width:100.0%"), "the bar is full at the end");
    }

    @Test
    void theNotebookDisplayIsThrottled() {
        Recorder r = new Recorder(true);
        previous = Display.install(r);
        long t0 = System.nanoTime();
        Trainer.of(Tiny.cnn(1, new Adam(1e-2))).epochs(3).refresh(Duration.ofMillis(500)).build().fit(Tiny.inOrder(train, 16));
        double seconds = (System.nanoTime() - t0) / 1e9;
        // at most one in-epoch refresh per half second, plus one per epoch end and the final one
        long bound = (long) Math.ceil(seconds / 0.5) + 3 + 1;
        assertTrue(r.updates.size() <= bound, r.updates.size() + " updates in " + seconds + " s (bound " + bound + ")");
        assertTrue(r.updates.size() < 3 * 16, "fewer updates than batches");
    }

    @Test
    void onATerminalALinePerEpochAndNoFlood() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        previous = Display.install(new Display.ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        Trainer.of(Tiny.cnn(1, new Adam(1e-2))).epochs(3).validation(Tiny.inOrder(test, 64))
                .textLineEvery(Duration.ofHours(1)).build().fit(Tiny.inOrder(train, 16));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(5, lines.size(), "header, three epochs, summary: " + lines);
        assertTrue(lines.get(1).startsWith("epoch 1/3  train loss "), lines.get(1));
        assertTrue(lines.get(3).contains("| val loss "), lines.get(3));
        assertTrue(lines.get(4).startsWith("done: 3 epoch(s)"), lines.get(4));
    }

    @Test
    void longEpochsGetOccasionalInEpochLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        previous = Display.install(new Display.ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        Trainer.of(Tiny.cnn(1, new Adam(1e-2))).epochs(1).textLineEvery(Duration.ZERO).build().fit(Tiny.inOrder(train, 64));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  epoch 1/1  batch 2/4")), lines.toString());
    }

    @Test
    void clockAndBarFormatting() {
        assertEquals("1:15", Progress.clock(75));
        assertEquals("1:02:05", Progress.clock(3725));
        assertEquals("[##########..........]", Dashboard.bar(0.5));
    }
}
