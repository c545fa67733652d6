package org.visionbook.toolkit.viz;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Set;

/**
 * The font every picture writes with. A real installed face is preferred (it looks the same in a
 * headless JVM as on a desktop); Java's logical "SansSerif" is the fallback, which fontconfig maps
 * to whatever sans face the machine has.
 */
final class Fonts {

    private static final String[] PREFERRED = {"DejaVu Sans", "Liberation Sans", "Lato", "Arial", "Helvetica"};

    private static volatile String family;

    private Fonts() {
    }

    static Font plain(float size) {
        return new Font(family(), Font.PLAIN, 1).deriveFont(size);
    }

    static Font bold(float size) {
        return new Font(family(), Font.BOLD, 1).deriveFont(size);
    }

    /** The family in use, looked up once. */
    static String family() {
        String f = family;
        if (f == null) {
            Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            f = Font.SANS_SERIF;
            for (String p : PREFERRED) {
                if (installed.contains(p)) {
                    f = p;
                    break;
                }
            }
            family = f;
        }
        return f;
    }

    /** {@code fancy} when the font can draw it, else {@code plain}: e.g. an arrow or "->". */
    static String glyphOr(String fancy, String plain) {
        return plain(12).canDisplayUpTo(fancy) == -1 ? fancy : plain;
    }
}
