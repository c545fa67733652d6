package org.visionbook.kernel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java code and magics. A line magic is a line whose first non-blank text is
 * {@code %name}; a cell magic is a first line {@code %%name}, which takes the rest of the cell as
 * its body. Offsets are kept so errors can point into the original cell.
 */
final class CellParts {

    private static final Pattern LINE_MAGIC = Pattern.compile("^[ \\t]*%([A-Za-z][\\w-]*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^[ \\t]*%%([A-Za-z][\\w-]*)(.*)$");

    sealed interface Part permits Code, LineMagic, CellMagic {
    }

    /** Java source starting at {@code offset} of the cell. */
    record Code(int offset, String text) implements Part {
    }

    record LineMagic(int offset, String name, String args) implements Part {
    }

    record CellMagic(String name, String args, int bodyOffset, String body) implements Part {
    }

    private CellParts() {
    }

    static List<Part> parse(String cell) {
        List<Part> parts = new ArrayList<>();
        int firstLineEnd = lineEnd(cell, 0);
        Matcher cellMagic = CELL_MAGIC.matcher(cell.substring(0, firstLineEnd));
        if (cellMagic.matches()) {
            int bodyStart = Math.min(cell.length(), firstLineEnd + 1);
            parts.add(new CellMagic(cellMagic.group(1), cellMagic.group(2).trim(), bodyStart, cell.substring(bodyStart)));
            return parts;
        }
        int codeStart = 0;
        int pos = 0;
        while (pos <= cell.length()) {
            int end = lineEnd(cell, pos);
            Matcher m = LINE_MAGIC.matcher(cell.substring(pos, end));
            if (m.matches()) {
                addCode(parts, cell, codeStart, pos);
                parts.add(new LineMagic(pos, m.group(1), m.group(2).trim()));
                codeStart = Math.min(cell.length(), end + 1);
            }
            if (end >= cell.length()) {
                break;
            }
            pos = end + 1;
        }
        addCode(parts, cell, codeStart, cell.length());
        return parts;
    }

    /** The cell with magic lines blanked out (same length), for completion and analysis. */
    static String maskMagics(String cell) {
        StringBuilder masked = new StringBuilder(cell);
        int pos = 0;
        while (pos <= cell.length()) {
            int end = lineEnd(cell, pos);
            String line = cell.substring(pos, end);
            if (LINE_MAGIC.matcher(line).matches() || (pos == 0 && CELL_MAGIC.matcher(line).matches())) {
                for (int i = pos; i < end; i++) {
                    masked.setCharAt(i, ' ');
                }
            }
            if (end >= cell.length()) {
                break;
            }
            pos = end + 1;
        }
        return masked.toString();
    }

    /** Splits magic arguments on blanks, honouring double quotes. */
    static List<String> words(String args) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : args.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    private static void addCode(List<Part> parts, String cell, int from, int to) {
        if (from < to && !cell.substring(from, to).isBlank()) {
            parts.add(new Code(from, cell.substring(from, to)));
        }
    }

    private static int lineEnd(String s, int from) {
        int nl = s.indexOf('\n', from);
        return nl < 0 ? s.length() : nl;
    }
}
