package org.visionbook.grader.author;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The marker comments that delimit what the student must not see:
 * {@code // BEGIN SOLUTION} ... {@code // END SOLUTION} and
 * {@code // BEGIN HIDDEN TESTS} ... {@code // END HIDDEN TESTS}, each alone on its line.
 */
public final class Markers {

    public static final String BEGIN_SOLUTION = "// BEGIN SOLUTION";
    public static final String END_SOLUTION = "// END SOLUTION";
    public static final String BEGIN_HIDDEN = "// BEGIN HIDDEN TESTS";
    public static final String END_HIDDEN = "// END HIDDEN TESTS";

    private static final Pattern MARKER = Pattern.compile("^\\s*//\\s*(BEGIN|END)\\s+(SOLUTION|HIDDEN TESTS)\\s*$");

    private Markers() {
    }

    /** What a marker line says. */
    enum Kind { SOLUTION, HIDDEN_TESTS }

    /**
     * A marked region in a list of lines: {@code begin} and {@code end} are the indexes of the
     * marker lines themselves.
     */
    record Region(Kind kind, int begin, int end) {
    }

    /** Lines of {@code text}, each with its line end. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * Finds the marked regions; fails on an END without BEGIN, a BEGIN never closed, or regions
     * nested in each other. {@code where} names the cell in messages.
     */
    static List<Region> find(List<String> lines, String where) throws AuthoringException {
        List<Region> regions = new ArrayList<>();
        Kind openKind = null;
        int openLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            var m = MARKER.matcher(lines.get(i).stripTrailing());
            if (!m.matches()) {
                continue;
            }
            Kind kind = m.group(2).equals("SOLUTION") ? Kind.SOLUTION : Kind.HIDDEN_TESTS;
            boolean begin = m.group(1).equals("BEGIN");
            if (begin) {
                if (openKind != null) {
                    throw new AuthoringException(where + ", line " + (i + 1) + ": " + lines.get(i).strip()
                            + " inside the region opened at line " + (openLine + 1) + "; regions cannot nest");
                }
                openKind = kind;
                openLine = i;
            } else {
                if (openKind != kind) {
                    throw new AuthoringException(where + ", line " + (i + 1) + ": " + lines.get(i).strip()
                            + " without a matching BEGIN " + (kind == Kind.SOLUTION ? "SOLUTION" : "HIDDEN TESTS"));
                }
                regions.add(new Region(kind, openLine, i));
                openKind = null;
            }
        }
        if (openKind != null) {
            throw new AuthoringException(where + ", line " + (openLine + 1) + ": " + lines.get(openLine).strip()
                    + " is never closed");
        }
        return regions;
    }

    /** True if any line of {@code text} is a marker of {@code kind}. */
    static boolean contains(String text, Kind kind) {
        for (String line : lines(text)) {
            var m = MARKER.matcher(line.stripTrailing());
            if (m.matches() && (kind == Kind.SOLUTION) == m.group(2).equals("SOLUTION")) {
                return true;
            }
        }
        return false;
    }
}
