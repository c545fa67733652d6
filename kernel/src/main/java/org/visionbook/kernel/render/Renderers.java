package org.visionbook.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Text;

import java.util.ServiceLoader;

/**
 * The renderer every front end shares (Jupyter kernel, headless runner, grader), so a value looks
 * the same everywhere: the base library's image and text renderers plus every
 * {@link RendererExtension} on the class path (the built-in ones for pictures, toolkit
 * displayables, XChart charts, Tablesaw tables and ND4J arrays among them).
 */
public final class Renderers {

    private Renderers() {
    }

    public static Renderer create() {
        Renderer renderer = new Renderer();
        Text.registerAll(renderer);
        for (RendererExtension extension : ServiceLoader.load(RendererExtension.class, Renderers.class.getClassLoader())) {
            extension.register(renderer);
        }
        return renderer;
    }
}
