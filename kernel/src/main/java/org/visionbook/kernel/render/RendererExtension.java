package org.visionbook.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Adds renderers to the kernel through the base library's renderer API
 * ({@link Renderer#createRegistration(Class)}). Implementations are found with
 * {@link java.util.ServiceLoader}: list them in
 * {@code META-INF/services/org.visionbook.kernel.render.RendererExtension}.
 *
 * <p>Toolkit types do not need this: they implement
 * {@link org.visionbook.toolkit.display.Displayable} and are rendered from their MIME bundle.
 */
public interface RendererExtension {
    void register(Renderer renderer);
}
