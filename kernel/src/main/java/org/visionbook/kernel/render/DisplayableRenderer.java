package org.visionbook.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;

import java.util.Map;

/** Toolkit values that describe themselves: their {@link MimeBundle} is the output, as is. */
public final class DisplayableRenderer implements RendererExtension {

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(Displayable.class)
                .supporting(MIMEType.ANY)
                .register(DisplayableRenderer::render);
    }

    static void render(Displayable value, RenderContext context) {
        MimeBundle bundle = value.toMimeBundle();
        for (Map.Entry<String, String> e : bundle.data().entrySet()) {
            MIMEType type = MIMEType.parse(e.getKey());
            if (type.equals(MIMEType.TEXT_PLAIN) || context.wantsDataRenderedAs(type)) {
                context.getOutputContainer().putData(e.getKey(), e.getValue());
            }
        }
    }
}
