package org.visionbook.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Pictures ({@link BufferedImage} and any {@link RenderedImage}): PNG by default, JPEG or GIF on
 * request. The plain-text fallback describes the picture ("BufferedImage 28x28 (grey)") rather
 * than printing an object hash, so outputs are the same on every run.
 */
public final class ImageRenderer implements RendererExtension {

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(RenderedImage.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_JPEG, MIMEType.IMAGE_GIF)
                .register(ImageRenderer::render);
    }

    static void render(RenderedImage image, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(image));
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> encode(image, "png"));
        context.renderIfRequested(MIMEType.IMAGE_JPEG, () -> encode(withoutAlpha(image), "jpeg"));
        context.renderIfRequested(MIMEType.IMAGE_GIF, () -> encode(image, "gif"));
    }

    static String describe(RenderedImage image) {
        String kind = image instanceof BufferedImage b ? switch (b.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY -> " (grey)";
            case BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR -> " (RGBA)";
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_BGR -> " (RGB)";
            default -> "";
        } : "";
        return image.getClass().getSimpleName() + " " + image.getWidth() + "x" + image.getHeight() + kind;
    }

    /** Base64 of the image in {@code format}, as nbformat stores binary outputs. */
    public static String encode(RenderedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalArgumentException("no " + format + " writer for " + describe(image));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static RenderedImage withoutAlpha(RenderedImage image) {
        if (!(image instanceof BufferedImage b) || !b.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(b.getWidth(), b.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(b, 0, 0, java.awt.Color.WHITE, null);
        return rgb;
    }
}
