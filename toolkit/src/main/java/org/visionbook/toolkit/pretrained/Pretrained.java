package org.visionbook.toolkit.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.visionbook.toolkit.data.DatasetFolder;
import org.visionbook.toolkit.train.LayerShapes;

/**
 * Loads a trained network shipped with the course, checked before it is used: the file's SHA-256
 * must be the one in its {@link Catalogue} entry (and in {@code datasets/SHA256SUMS}), and the
 * network must take the entry's input and give one score per class.
 *
 * <pre>{@code
 * MultiLayerNetwork lenet = Pretrained.load("lenet-mnist");     // a fresh copy on every call
 * Pretrained.provenance("lenet-mnist");                         // how it was trained
 * }</pre>
 *
 * Every failure is a {@link PretrainedException} naming the model and the file.
 */
public final class Pretrained {

    private Pretrained() {
    }

    /**
     * The network called {@code name} (a {@link MultiLayerNetwork} or a {@link ComputationGraph}: the
     * variable it is assigned to says which), from the datasets folder {@link DatasetFolder#locate()} finds.
     */
    public static <T extends Model> T load(String name) {
        return load(Catalogue.get(name), DatasetFolder.locate());
    }

    /** The network called {@code name} from {@code folder}. */
    public static <T extends Model> T load(String name, DatasetFolder folder) {
        return load(Catalogue.get(name), folder);
    }

    /** The network of catalogue entry {@code model}, read from {@code folder} and checked. */
    @SuppressWarnings("unchecked")
    public static <T extends Model> T load(PretrainedModel model, DatasetFolder folder) {
        byte[] bytes = verifiedBytes(model, folder);
        String where = folder.where(model.file());
        Model network = ModelFiles.restore(bytes, where);
        checkFits(network, model, where);
        return (T) network;
    }

    /** How model {@code name} was trained: the provenance text stored in its file. */
    public static String provenance(String name) {
        PretrainedModel model = Catalogue.get(name);
        DatasetFolder folder = DatasetFolder.locate();
        String text = ModelFiles.text(verifiedBytes(model, folder), ModelFiles.PROVENANCE);
        return text == null ? "(" + folder.where(model.file()) + " records no provenance)" : text;
    }

    /** The shipped models' names. */
    public static List<String> names() {
        return Catalogue.all().stream().map(PretrainedModel::name).toList();
    }

    /**
     * Checks that {@code network} takes {@code model}'s input and ends in one output per class.
     *
     * @throws PretrainedException naming {@code where} when it does not
     */
    static void checkFits(Model network, PretrainedModel model, String where) {
        List<LayerShapes.Step> steps;
        try {
            steps = LayerShapes.trace(network, model.inputType());
        } catch (RuntimeException e) {
            String expects = LayerShapes.expectedShape(network, model.inputType());
            throw new PretrainedException("Model file " + where + " holds a network that does not take the input "
                    + model.inputShape() + " that catalogue entry '" + model.name() + "' promises"
                    + (expects == null ? "" : " (it takes " + expects + ")") + ": " + e.getMessage(), e);
        }
        InputType out = steps.get(steps.size() - 1).output();
        long outputs = out instanceof InputType.InputTypeFeedForward ff ? ff.getSize() : -1;
        if (network instanceof MultiLayerNetwork mln && out instanceof InputType.InputTypeConvolutional conv
                && mln.getLayerWiseConfigurations().getConf(mln.getnLayers() - 1).getLayer() instanceof Yolo2OutputLayer yolo) {
            // a detector: per grid cell and prior, 5 numbers (box and confidence) and one probability per class
            outputs = conv.getChannels() / yolo.getBoundingBoxes().size(0) - 5;
        }
        if (outputs != model.classes().size()) {
            throw new PretrainedException("Model file " + where + " holds a network whose output is "
                    + LayerShapes.describe(out) + ", but catalogue entry '" + model.name() + "' lists "
                    + model.classes().size() + " classes.");
        }
    }

    private static byte[] verifiedBytes(PretrainedModel model, DatasetFolder folder) {
        String where = folder.where(model.file());
        String remedy = "Restore it with `git checkout -- datasets/" + model.file() + "`, or train it again with "
                + "`./visionbook train-model " + model.name() + "` (see datasets/README.md).";
        byte[] bytes = readRaw(folder, model.file(), where, model, remedy);
        String got = ModelFiles.sha256(bytes);
        if (!got.equals(model.sha256())) {
            throw new PretrainedException("Model file is corrupt or not the shipped one: " + where + " ("
                    + model.name() + ", " + bytes.length + " bytes) has SHA-256 " + got + " but the catalogue expects "
                    + model.sha256() + ". " + remedy);
        }
        String listed = folder.manifest().get(model.file());
        if (listed != null && !listed.equals(model.sha256())) {
            throw new PretrainedException("Model file " + where + ": " + DatasetFolder.MANIFEST + " lists SHA-256 "
                    + listed + " but the catalogue entry '" + model.name() + "' says " + model.sha256()
                    + "; update both to the SHA-256 that ./visionbook train-model printed.");
        }
        return bytes;
    }

    private static byte[] readRaw(DatasetFolder folder, String file, String where, PretrainedModel model,
                                  String remedy) {
        try {
            Optional<Path> dir = folder.directory();
            if (dir.isPresent()) {
                return Files.readAllBytes(dir.get().resolve(file));
            }
            try (InputStream in = Pretrained.class.getClassLoader()
                    .getResourceAsStream(DatasetFolder.RESOURCE_ROOT + file)) {
                if (in == null) {
                    throw new NoSuchFileException(where);
                }
                return in.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            throw new PretrainedException("Model file is missing: " + where + " (model '" + model.name() + "'). "
                    + remedy, e);
        } catch (IOException e) {
            throw new PretrainedException("Cannot read model file " + where + " (model '" + model.name() + "'): "
                    + e + ". " + remedy, e);
        }
    }
}
