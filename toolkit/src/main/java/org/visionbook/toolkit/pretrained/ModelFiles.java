package org.visionbook.toolkit.pretrained;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The bytes of a shipped model file: DL4J's {@link ModelSerializer} zip (configuration and
 * parameters, no optimiser state) plus a {@value #PROVENANCE} entry saying how it was made. Every
 * entry gets the same fixed time stamp, so the same network always gives the same bytes.
 */
final class ModelFiles {

    /** The zip entry holding the recipe, seed and test accuracy as text. */
    static final String PROVENANCE = "visionbook/provenance.txt";
    // A fixed local time (not an instant), so the zip's DOS time fields do not depend on the time zone.
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

    private ModelFiles() {
    }

    static byte[] serialize(Model model, String provenance) throws IOException {
        if (!(model instanceof MultiLayerNetwork || model instanceof ComputationGraph)) {
            throw new IllegalArgumentException("can ship a MultiLayerNetwork or a ComputationGraph, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model, dl4j, false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(dl4j.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(entry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(entry(PROVENANCE));
            zip.write(provenance.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /**
     * The network in {@code bytes} (a ModelSerializer zip), read without its optimiser state.
     *
     * @throws PretrainedException naming {@code where} when the bytes are not a DL4J model
     */
    static Model restore(byte[] bytes, String where) {
        String configuration = text(bytes, "configuration.json");
        if (configuration == null) {
            throw new PretrainedException("Model file " + where + " is not a DL4J model file: it is not a zip with a "
                    + "configuration.json.");
        }
        try {
            // A graph's configuration lists "vertices"; a multi-layer network's lists "confs".
            return configuration.contains("\"vertices\"")
                    ? ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes), false)
                    : ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
        } catch (IOException | RuntimeException e) {
            throw new PretrainedException("Model file " + where + " cannot be read as a DL4J network: " + e, e);
        }
    }

    /** The text of entry {@code name} in the zip {@code bytes}, or null when absent or not a zip. */
    static String text(byte[] bytes, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException notAZip) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(FIXED_TIME);
        return e;
    }
}
