package org.visionbook.toolkit.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * Loads the shipped {@link Photo}s as pictures to show and as tensors to convolve:
 * {@code [3, height, width]} for colour, {@code [1, height, width]} for grey, values in [0, 1].
 */
public final class Photos {

    static final String FOLDER = "photos";

    private Photos() {
    }

    /** The photo as stored: a grey or an RGB picture (a fresh copy each call, so it may be drawn on). */
    public static BufferedImage image(Photo photo) {
        return image(DatasetFolder.locate(), photo);
    }

    /** The photo from {@code folder}, SHA-256 checked when first read. */
    public static BufferedImage image(DatasetFolder folder, Photo photo) {
        String path = FOLDER + "/" + photo.fileName();
        byte[] png = folder.once("photo:" + photo, () -> folder.read(path));
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new DatasetException(folder.where(path) + " is not a picture Java can read. " + folder.remedy());
            }
            return image;
        } catch (IOException e) {
            throw new DatasetException("Cannot decode " + folder.where(path) + ": " + e.getMessage() + ". " + folder.remedy(), e);
        }
    }

    /** The photo as {@code [3, height, width]} (red, green, blue) in [0, 1]; a grey photo gives three equal channels. */
    public static INDArray rgb(Photo photo) {
        return rgb(image(photo));
    }

    /** The photo as {@code [1, height, width]} grey levels in [0, 1]. */
    public static INDArray grey(Photo photo) {
        return grey(image(photo));
    }

    /** Any picture as {@code [3, height, width]} (red, green, blue) in [0, 1]. */
    public static INDArray rgb(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        float[] out = new float[3 * plane];
        int[][] channels = channels(image);
        for (int c = 0; c < 3; c++) {
            int[] source = channels.length == 1 ? channels[0] : channels[c];
            for (int p = 0; p < plane; p++) {
                out[c * plane + p] = source[p] / 255f;
            }
        }
        return Nd4j.create(out, new long[]{3, h, w}, DataType.FLOAT);
    }

    /**
     * Any picture as {@code [1, height, width]} grey levels in [0, 1]. Colour is mixed with the
     * Rec. 601 luma weights (0.299 red + 0.587 green + 0.114 blue), the ones JPEG and most
     * libraries use.
     */
    public static INDArray grey(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        float[] out = new float[h * w];
        int[][] channels = channels(image);
        for (int p = 0; p < out.length; p++) {
            out[p] = channels.length == 1 ? channels[0][p] / 255f
                    : (0.299f * channels[0][p] + 0.587f * channels[1][p] + 0.114f * channels[2][p]) / 255f;
        }
        return Nd4j.create(out, new long[]{1, h, w}, DataType.FLOAT);
    }

    /** One array of 0..255 levels for a grey picture, three (R, G, B) otherwise; row by row. */
    private static int[][] channels(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int h = image.getHeight();
        int w = image.getWidth();
        Raster raster = image.getRaster();
        // Java treats 8-bit grey as linear light, so getRGB() would brighten it: read the samples instead.
        if (raster.getNumBands() == 1 && image.getColorModel() instanceof ComponentColorModel
                && image.getColorModel().getComponentSize(0) == 8) {
            return new int[][]{raster.getSamples(0, 0, w, h, 0, (int[]) null)};
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        int[][] rgb = new int[3][argb.length];
        for (int p = 0; p < argb.length; p++) {
            rgb[0][p] = (argb[p] >> 16) & 0xFF;
            rgb[1][p] = (argb[p] >> 8) & 0xFF;
            rgb[2][p] = argb[p] & 0xFF;
        }
        return rgb;
    }
}
