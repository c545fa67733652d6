package org.visionbook.toolkit.display;

/**
 * Something that knows how to show itself in a notebook.
 *
 * <p>The toolkit has no Jupyter dependency: a toolkit type that wants rich output (an HTML widget,
 * a picture with a caption) implements this, and the kernel and the headless runner turn the bundle
 * into a {@code display_data} message. The bundle must always carry a {@code text/plain} fallback.
 */
public interface Displayable {
    MimeBundle toMimeBundle();
}
