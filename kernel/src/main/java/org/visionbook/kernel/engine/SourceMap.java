package org.visionbook.kernel.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each JShell snippet came from: which cell (or loaded file) and at which line, so errors
 * can point at the user's own line instead of JShell's snippet numbers.
 */
final class SourceMap {

    /**
     * A piece of source the user wrote: a cell, a loaded file, a cell of a loaded notebook.
     * {@code firstLine} is the number users see for its first line (2 for the body of a cell magic).
     */
    record Source(String label, String text, int firstLine) {

        /** The number users see for 0-based line {@code index}. */
        int displayLine(int index) {
            return firstLine + index;
        }

        String line(int index) {
            String[] lines = text.split("\n", -1);
            return index >= 0 && index < lines.length ? lines[index] : "";
        }

        /** 0-based line of a character offset. */
        int lineOf(int offset) {
            int line = 0;
            for (int i = 0; i < Math.min(offset, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        int lineStart(int line) {
            int start = 0;
            for (int l = 0; l < line; l++) {
                int nl = text.indexOf('\n', start);
                if (nl < 0) {
                    return text.length();
                }
                start = nl + 1;
            }
            return start;
        }
    }

    /** A snippet's place: its source and the character offset it starts at. */
    record Place(Source source, int offset) {
        int firstLine() {
            return source.lineOf(offset);
        }
    }

    private final Map<String, Place> bySnippetId = new ConcurrentHashMap<>();

    void put(String snippetId, Place place) {
        bySnippetId.put(snippetId, place);
    }

    Place get(String snippetId) {
        return bySnippetId.get(snippetId);
    }
}
