package org.visionbook.toolkit.pretrained;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.deeplearning4j.nn.api.Model;
import org.visionbook.toolkit.Knobs;
import org.visionbook.toolkit.data.DatasetFolder;
import org.visionbook.toolkit.io.AtomicFiles;
import org.visionbook.toolkit.perf.Performance;

/**
 * {@code ./visionbook train-model NAME [--datasets DIR]}: trains the catalogue's model {@code NAME}
 * with its recipe, tests it, and writes it atomically to {@code DIR/<file>} (default: the datasets
 * folder of this clone), then prints its size, test accuracy and SHA-256 with the lines to paste
 * into the catalogue, {@code datasets/SHA256SUMS} and {@code datasets/README.md}.
 * {@code ./visionbook train-model --list} lists the models.
 */
public final class TrainModel {

    private TrainModel() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException | IllegalStateException | PretrainedException e) {
            System.err.println("train-model: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("train-model: could not write the model: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args, PrintStream out) throws IOException {
        String name = null;
        Path datasets = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--list" -> {
                    Catalogue.all().forEach(m -> out.println(m.name() + "  " + m.file() + "  input " + m.inputShape()
                            + ", " + m.classes().size() + " classes"));
                    return 0;
                }
                case "--datasets" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--datasets needs a folder");
                    }
                    datasets = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("-") || name != null) {
                        throw new IllegalArgumentException("usage: train-model NAME [--datasets DIR] | --list "
                                + "(unexpected '" + args[i] + "')");
                    }
                    name = args[i];
                }
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("usage: train-model NAME [--datasets DIR] | --list; models: "
                    + String.join(", ", Pretrained.names()));
        }
        if (Knobs.limit().isPresent() || Knobs.epochs().isPresent()) {
            throw new IllegalStateException("a shipped model is trained on its whole recipe: unset "
                    + Knobs.LIMIT_ENV + " and " + Knobs.EPOCHS_ENV + " first");
        }
        PretrainedModel model = Catalogue.get(name);
        Path folder = datasets != null ? datasets : DatasetFolder.locate().directory().orElseThrow(() ->
                new IllegalStateException("no datasets folder on disk to write to; run inside a clone or pass "
                        + "--datasets"));
        Path target = folder.resolve(model.file()).toAbsolutePath().normalize();
        return train(model, model.recipe().get(), target, out);
    }

    /** Trains {@code recipe}, checks the result against {@code model}'s entry, and writes it to {@code target}. */
    static int train(PretrainedModel model, Recipe recipe, Path target, PrintStream out) throws IOException {
        Performance.configureThreads();
        out.println("Training " + model.name() + " -> " + target);
        out.println("  data:     " + recipe.data());
        out.println("  schedule: " + recipe.schedule());
        out.println("  seed:     " + recipe.seed());
        out.println("  runtime:  " + Performance.describeRuntime());
        long start = System.nanoTime();
        Model network = recipe.train();
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = recipe.testAccuracy(network);
        byte[] bytes = ModelFiles.serialize(network, provenance(model, recipe, accuracy));
        // The file must load as the catalogue entry says before it replaces anything.
        Model reloaded = ModelFiles.restore(bytes, target.toString());
        Pretrained.checkFits(reloaded, model, target.toString());
        double reloadedAccuracy = recipe.testAccuracy(reloaded);
        if (reloadedAccuracy != accuracy) {
            throw new IllegalStateException("the saved network scores " + reloadedAccuracy + " but the trained one "
                    + accuracy + "; nothing was written");
        }
        AtomicFiles.write(target, bytes);
        String sha = ModelFiles.sha256(bytes);
        out.printf(Locale.ROOT, "Wrote %s: %,d bytes, test accuracy %.2f%%, trained in %.0f s%n", target, bytes.length,
                100 * accuracy, seconds);
        out.println("SHA-256 " + sha);
        if (!sha.equals(model.sha256())) {
            out.println("This differs from the catalogue entry. If the new file is meant to replace the shipped one:");
            out.println("  Catalogue.java:  \"" + sha + "\"");
            out.println("  SHA256SUMS:      " + sha + "  " + model.file());
        } else {
            out.println("Identical to the shipped file (same SHA-256 as the catalogue entry).");
        }
        return 0;
    }

    static String provenance(PretrainedModel model, Recipe recipe, double accuracy) {
        return String.format(Locale.ROOT, "name: %s%ndata: %s%nschedule: %s%nseed: %d%ntest accuracy: %.4f%n"
                        + "input: %s%nclasses: %s%ncommand: ./visionbook train-model %s%n", model.name(), recipe.data(),
                recipe.schedule(), recipe.seed(), accuracy, model.inputShape(), String.join(", ", model.classes()),
                model.name());
    }
}
