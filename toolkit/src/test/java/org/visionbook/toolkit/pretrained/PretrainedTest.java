package org.visionbook.toolkit.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.data.DatasetFolder;
import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.data.Split;

class PretrainedTest {

    private static final PretrainedModel LENET = Catalogue.get("lenet-mnist");

    @TempDir
    Path dir;

    @Test
    void everyShippedModelLoadsVerifiedAndGivesOneScorePerClass() {
        DatasetFolder shipped = DatasetFolder.locate();
        for (PretrainedModel model : Catalogue.all()) {
            assertEquals(model.sha256(), shipped.manifest().get(model.file()),
                    model.name() + ": the catalogue and datasets/SHA256SUMS must agree");
            Model network = Pretrained.load(model.name());
            INDArray one = Nd4j.rand(DataType.FLOAT, 1, model.channels(), model.height(), model.width());
            INDArray out = network instanceof MultiLayerNetwork net ? net.output(one) : null;
            if (out.rank() == 4) { // a YOLO detector: per cell and prior, 5 box numbers and a score per class
                MultiLayerNetwork net = (MultiLayerNetwork) network;
                long priors = ((Yolo2OutputLayer) net.getLayerWiseConfigurations().getConf(net.getnLayers() - 1).getLayer())
                        .getBoundingBoxes().size(0);
                assertEquals(model.classes().size(), out.size(1) / priors - 5, model.name());
            } else {
                assertArrayEquals(new long[] {1, model.classes().size()}, out.shape(), model.name());
            }
            assertTrue(Pretrained.provenance(model.name()).contains("seed: "), model.name());
        }
    }

    @Test
    void theShippedLenetReadsTheTestDigitsAsItsRecordSays() {
        MultiLayerNetwork lenet = Pretrained.load("lenet-mnist");
        double accuracy = LenetMnistRecipe.create().testAccuracy(lenet);
        assertTrue(accuracy > 0.97, "test accuracy " + accuracy);
        assertTrue(Pretrained.provenance("lenet-mnist").contains(String.format("test accuracy: %.4f", accuracy)),
                Pretrained.provenance("lenet-mnist"));
    }

    @Test
    void eachLoadIsAFreshCopy() {
        MultiLayerNetwork a = Pretrained.load("lenet-mnist");
        MultiLayerNetwork b = Pretrained.load("lenet-mnist");
        a.params().assign(0);
        assertTrue(b.params().sumNumber().doubleValue() != 0);
    }

    @Test
    void aFlippedByteIsReportedAsCorruptNamingTheFile() throws IOException {
        byte[] bytes = shippedBytes();
        bytes[bytes.length / 2] ^= 0x01;
        DatasetFolder folder = folderWith(bytes);
        PretrainedException e = assertThrows(PretrainedException.class, () -> Pretrained.load(LENET, folder));
        assertMentionsFile(e);
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(LENET.sha256()), e.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedAsCorruptNamingTheFile() throws IOException {
        byte[] bytes = Arrays.copyOf(shippedBytes(), 1000);
        DatasetFolder folder = folderWith(bytes);
        PretrainedException e = assertThrows(PretrainedException.class, () -> Pretrained.load(LENET, folder));
        assertMentionsFile(e);
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("1000 bytes"), e.getMessage());
    }

    @Test
    void aMissingFileIsReportedNamingTheFileAndTheCommandThatMakesIt() throws IOException {
        Files.writeString(dir.resolve("SHA256SUMS"), "");
        PretrainedException e = assertThrows(PretrainedException.class,
                () -> Pretrained.load(LENET, DatasetFolder.at(dir)));
        assertMentionsFile(e);
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertTrue(e.getMessage().contains("./visionbook train-model lenet-mnist"), e.getMessage());
    }

    @Test
    void aFileWithTheRightHashThatIsNoNetworkIsReportedAsUnreadable() throws IOException {
        byte[] garbage = "not a model".getBytes(StandardCharsets.UTF_8);
        PretrainedModel entry = LENET.withSha256(ModelFiles.sha256(garbage));
        DatasetFolder folder = folderWith(garbage, entry.sha256());
        PretrainedException e = assertThrows(PretrainedException.class, () -> Pretrained.load(entry, folder));
        assertMentionsFile(e);
        assertTrue(e.getMessage().contains("not a DL4J model file"), e.getMessage());
    }

    @Test
    void aNetworkThatDoesNotTakeTheExpectedInputIsReported() throws IOException {
        PretrainedModel colour = LENET.withInput(3, 32, 32);
        DatasetFolder folder = folderWith(shippedBytes());
        PretrainedException e = assertThrows(PretrainedException.class, () -> Pretrained.load(colour, folder));
        assertMentionsFile(e);
        assertTrue(e.getMessage().contains("[batch, 3, 32, 32]"), e.getMessage());
        assertTrue(e.getMessage().contains("it takes [batch, 1, 28, 28]"), e.getMessage());
    }

    @Test
    void anUnknownNameListsTheShippedModels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pretrained.load("resnet-152"));
        assertTrue(e.getMessage().contains("resnet-152") && e.getMessage().contains("lenet-mnist"), e.getMessage());
    }

    @Test
    void theSameRecipeAndSeedGiveTheSameFile() throws IOException {
        // The full recipe, shortened (500 digits, 1 epoch) so the test stays quick.
        Recipe quick = LenetMnistRecipe.create().limit(500).epochs(1);
        Path first = dir.resolve("a/models/quick.zip");
        Path second = dir.resolve("b/models/quick.zip");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        TrainModel.train(LENET, quick, first, quiet);
        TrainModel.train(LENET, quick, second, quiet);
        byte[] a = Files.readAllBytes(first);
        byte[] b = Files.readAllBytes(second);
        assertEquals(ModelFiles.text(a, ModelFiles.PROVENANCE), ModelFiles.text(b, ModelFiles.PROVENANCE));
        assertEquals(ModelFiles.sha256(a), ModelFiles.sha256(b), "same recipe, same seed, same bytes");
        PretrainedModel entry = LENET.withSha256(ModelFiles.sha256(a));
        Files.writeString(dir.resolve("a/SHA256SUMS"), "");
        assertInstanceOf(MultiLayerNetwork.class, Pretrained.load(new PretrainedModel(entry.name(), "models/quick.zip",
                entry.sha256(), 1, 28, 28, entry.classes(), entry.recipe()), DatasetFolder.at(dir.resolve("a"))));
    }

    private static byte[] shippedBytes() throws IOException {
        Path file = DatasetFolder.locate().directory().orElseThrow().resolve(LENET.file());
        return Files.readAllBytes(file);
    }

    /** A datasets folder holding {@code bytes} as the lenet-mnist file, listed with the catalogue's hash. */
    private DatasetFolder folderWith(byte[] bytes) throws IOException {
        return folderWith(bytes, LENET.sha256());
    }

    private DatasetFolder folderWith(byte[] bytes, String listedSha256) throws IOException {
        Path file = dir.resolve(LENET.file());
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.writeString(dir.resolve("SHA256SUMS"), listedSha256 + "  " + LENET.file() + "\n");
        return DatasetFolder.at(dir);
    }

    private void assertMentionsFile(PretrainedException e) {
        assertTrue(e.getMessage().contains(dir.resolve(LENET.file()).toString()), e.getMessage());
    }
}
