package org.visionbook.toolkit.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;
import org.visionbook.toolkit.models.LeNet5;
import org.visionbook.toolkit.models.ModelSummary;
import org.visionbook.toolkit.viz.Picture;

/**
 * LeNet-5 on the shipped MNIST digits with the notebook dashboard, writing what a notebook would
 * show into a folder (last dashboard frame as HTML and PNG, history, per-class table, confusion
 * matrix, mistakes) and timing a chart redraw. Not a test; run with
 * {@code java -cp <test classpath> org.visionbook.toolkit.train.TrainingDemo OUT_DIR [epochs]}.
 */
public final class TrainingDemo {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/training-demo");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Files.createDirectories(out);
        ProgressDisplayTest.Recorder sink = new ProgressDisplayTest.Recorder(true);
        Display.install(sink);
        LabelledImages train = Mnist.train();
        LabelledImages test = Mnist.test();
        var net = LeNet5.build();
        System.out.println(ModelSummary.of(net).printAll());
        Trainer trainer = Trainer.of(net).name("LeNet-5").epochs(epochs).seed(1).validation(test.iterator(500, 1)).build();
        TrainingResult result = trainer.fit(train.iterator(64, 1));
        System.out.println(result.summary());
        System.out.println(trainer.history().table().printAll());
        System.out.printf(Locale.ROOT, "%d dashboard updates%n", sink.updates.size());

        MimeBundle last = ((Displayable) sink.updates.get(sink.updates.size() - 1)).toMimeBundle();
        Files.writeString(out.resolve("dashboard.html"), last.data().get(MimeBundle.HTML), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("base64,([A-Za-z0-9+/=]+)").matcher(last.data().get(MimeBundle.HTML));
        if (m.find()) {
            Files.write(out.resolve("dashboard.png"), Base64.getDecoder().decode(m.group(1)));
        }
        Files.writeString(out.resolve("dashboard.txt"), last.plainText());

        EvaluationReport report = trainer.evaluate(test.batches().batchSize(500).inOrder().build());
        System.out.println(report);
        System.out.println(report.perClass().printAll());
        report.confusionHeatmap().savePng(out.resolve("confusion.png"));
        report.mistakesGrid(16).savePng(out.resolve("mistakes.png"));
        trainer.history().chart().savePng(out.resolve("history.png"));

        int n = 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            new Picture(trainer.history().chartImage(Dashboard.CHART_WIDTH, Dashboard.CHART_HEIGHT, 0, 0), "x").pngBytes();
        }
        System.out.printf(Locale.ROOT, "chart redraw + PNG encode: %.1f ms each (mean of %d)%n", (System.nanoTime() - t0) / 1e6 / n, n);
    }
}
