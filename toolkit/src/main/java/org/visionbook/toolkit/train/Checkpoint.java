package org.visionbook.toolkit.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.visionbook.toolkit.io.AtomicFiles;

/**
 * A saved model (parameters, configuration and updater state, via DL4J's {@link ModelSerializer})
 * together with its training history, in one zip file that DL4J can also read on its own.
 * Written atomically: a temp file in the same folder, then a move, so a crash never leaves half a
 * checkpoint where a good one was.
 *
 * @param model   the restored network, ready to predict or to train on
 * @param history what the trainer recorded up to the moment of saving
 * @param file    where it was read from
 */
public record Checkpoint(Model model, History history, Path file) {

    private static final String HISTORY_ENTRY = "visionbook/history.txt";
    private static final String KIND_ENTRY = "visionbook/kind.txt";

    public Checkpoint {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(history, "history");
    }

    /** Writes {@code model} (with updater state) and {@code history} to {@code file}, atomically. */
    public static Path save(Model model, History history, Path file) throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(history, "history");
        Path target = file.toAbsolutePath();
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model, dl4j, true);
        AtomicFiles.write(target, out -> {
            // finish(), not close(): the stream belongs to AtomicFiles
            ZipOutputStream zip = new ZipOutputStream(out);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(dl4j.toByteArray()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            putText(zip, KIND_ENTRY, kindOf(model));
            putText(zip, HISTORY_ENTRY, history.toText());
            zip.finish();
        });
        return target;
    }

    /** Reads a checkpoint written by {@link #save} (or any DL4J model zip, with an empty history). */
    public static Checkpoint load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("checkpoint " + file.toAbsolutePath() + " does not exist");
        }
        String kind;
        String historyText;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("configuration.json") == null) {
                throw new IOException(file + " is not a DL4J model file: it has no configuration.json");
            }
            kind = readText(zip, KIND_ENTRY);
            historyText = readText(zip, HISTORY_ENTRY);
            if (kind == null) {
                kind = guessKind(zip);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + " is not a readable zip file (a damaged checkpoint?): " + e.getMessage(), e);
        }
        Model model = switch (kind.trim()) {
            case "MultiLayerNetwork" -> ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
            case "ComputationGraph" -> ModelSerializer.restoreComputationGraph(file.toFile(), true);
            default -> throw new IOException(file + ": unknown model kind '" + kind + "'");
        };
        History history = historyText == null ? new History() : History.parse(historyText, file.toString());
        return new Checkpoint(model, history, file);
    }

    private static String kindOf(Model model) {
        if (model instanceof MultiLayerNetwork) {
            return "MultiLayerNetwork";
        }
        if (model instanceof ComputationGraph) {
            return "ComputationGraph";
        }
        throw new IllegalArgumentException("can only save a MultiLayerNetwork or a ComputationGraph, got " + model.getClass());
    }

    /** A graph's configuration JSON lists "vertices"; a multi-layer one lists "confs". */
    private static String guessKind(ZipFile zip) throws IOException {
        String json = readText(zip, "configuration.json");
        return json != null && json.contains("\"vertices\"") ? "ComputationGraph" : "MultiLayerNetwork";
    }

    private static void putText(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String readText(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Lists the entries of a checkpoint file (for tests and curious students). */
    static java.util.List<String> entries(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
