package org.visionbook.toolkit.steps;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Encodes the step pictures compactly with the JDK's own ImageIO writers. The pictures use few
 * colours (flat cells, unsmoothed text), so an exact palette makes PNGs and GIFs several times
 * smaller than true colour, and keeps the GIF's colours exact.
 */
final class Palette {

    private Palette() {
    }

    /** The same picture with an exact palette, or the picture itself if it has more than 256 colours. */
    static BufferedImage indexed(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        Map<Integer, Integer> palette = new LinkedHashMap<>();
        for (int pixel : rgb) {
            palette.putIfAbsent(pixel & 0xFFFFFF, palette.size());
            if (palette.size() > 256) {
                return image;
            }
        }
        // always 256 entries: the GIF writer re-quantises palettes whose size is not a power of two
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        palette.forEach((color, index) -> {
            r[index] = (byte) (color >> 16);
            g[index] = (byte) (color >> 8);
            b[index] = (byte) (int) color;
        });
        IndexColorModel model = new IndexColorModel(8, 256, r, g, b);
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        WritableRaster raster = result.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, palette.get(rgb[y * width + x] & 0xFFFFFF));
            }
        }
        return result;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(indexed(image), "png", bytes)) {
                throw new IllegalStateException("this Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a PNG in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * An animated GIF that loops forever; {@code delays} in milliseconds, one per frame. After the
     * first frame only the rectangle that changed is stored, with pixels that stayed the same made
     * transparent: a step moves a small window, so most of each frame is unchanged.
     */
    static byte[] gif(List<BufferedImage> frames, List<Integer> delays) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            // not interlaced: smaller, and small interlaced frames did not read back correctly with the JDK
            ImageWriteParam plain = writer.getDefaultWriteParam();
            plain.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            int[] previous = null;
            for (int f = 0; f < frames.size(); f++) {
                BufferedImage full = frames.get(f);
                int width = full.getWidth();
                int height = full.getHeight();
                int[] rgb = full.getRGB(0, 0, width, height, null, 0, width);
                Change change = previous == null || previous.length != rgb.length ? null
                        : Change.between(previous, rgb, width, height);
                BufferedImage frame = change == null ? indexed(full) : change.image();
                // this frame's own palette (createFromRenderedImage would give the standard one)
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), null);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode descriptor = child(root, "ImageDescriptor");
                descriptor.setAttribute("imageLeftPosition", String.valueOf(change == null ? 0 : change.left()));
                descriptor.setAttribute("imageTopPosition", String.valueOf(change == null ? 0 : change.top()));
                descriptor.setAttribute("imageWidth", String.valueOf(frame.getWidth()));
                descriptor.setAttribute("imageHeight", String.valueOf(frame.getHeight()));
                descriptor.setAttribute("interlaceFlag", "FALSE");
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                control.setAttribute("disposalMethod", "doNotDispose");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", change == null ? "FALSE" : "TRUE");
                control.setAttribute("transparentColorIndex", "0");
                control.setAttribute("delayTime", String.valueOf(Math.max(1, delays.get(f) / 10)));
                if (f == 0) {
                    // the NETSCAPE2.0 extension with a loop count of 0: repeat forever
                    IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
                    loop.setAttribute("applicationID", "NETSCAPE");
                    loop.setAttribute("authenticationCode", "2.0");
                    loop.setUserObject(new byte[] {1, 0, 0});
                    child(root, "ApplicationExtensions").appendChild(loop);
                }
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), plain);
                previous = rgb;
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a GIF in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The changed rectangle of a frame as a palette image whose index 0 (transparent) means "as before". */
    private record Change(int left, int top, BufferedImage image) {

        static Change between(int[] before, int[] after, int width, int height) {
            int left = width;
            int top = height;
            int right = -1;
            int bottom = -1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (before[y * width + x] != after[y * width + x]) {
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                    }
                }
            }
            if (right < 0) { // nothing changed: one transparent pixel
                left = 0;
                top = 0;
                right = 0;
                bottom = 0;
            }
            Map<Integer, Integer> palette = new LinkedHashMap<>();
            palette.put(-1, 0); // the transparent entry; -1 is no RGB colour
            int w = right - left + 1;
            int h = bottom - top + 1;
            int[] indexes = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int at = (top + y) * width + left + x;
                    int color = after[at] & 0xFFFFFF;
                    if ((before[at] & 0xFFFFFF) != color) {
                        Integer index = palette.get(color);
                        if (index == null) {
                            if (palette.size() == 256) {
                                return null; // too colourful: store the whole frame instead
                            }
                            index = palette.size();
                            palette.put(color, index);
                        }
                        indexes[y * w + x] = index;
                    }
                }
            }
            byte[] r = new byte[256];
            byte[] g = new byte[256];
            byte[] b = new byte[256];
            palette.forEach((color, index) -> {
                if (color >= 0) {
                    r[index] = (byte) (color >> 16);
                    g[index] = (byte) (color >> 8);
                    b[index] = (byte) (int) color;
                }
            });
            IndexColorModel model = new IndexColorModel(8, 256, r, g, b, 0);
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
            image.getRaster().setSamples(0, 0, w, h, 0, indexes);
            return new Change(left, top, image);
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
