package org.visionbook.kernel.engine;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Jupyter's is_complete answered from the text alone, while JShell is still warming up. A console
 * asks on the first Enter and gives up after about a second; JShell's own analysis is only ready
 * seconds after the kernel starts. This reads brackets, strings, comments and a trailing operator,
 * which decides the cases a console meets (an open block, a call broken over lines); JShell's
 * answer replaces it as soon as the engine runs.
 */
public final class QuickCompleteness {

    private static final String CONTINUING = "+-*/%=&|^!<>?:,.";

    private QuickCompleteness() {
    }

    public static Engine.Completeness of(String cell) {
        return scan(CellParts.maskMagics(cell)).completeness();
    }

    /** The last character of {@code code} outside comments and blanks (0 if none): is there a trailing ';'? */
    static char lastCodeChar(String code) {
        return scan(code).last();
    }

    private record Scan(Engine.Completeness completeness, char last) {
    }

    private static Scan scan(String code) {
        Deque<Character> open = new ArrayDeque<>();
        char last = 0;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                i = skipTo(code, i, "\n");
                continue;
            }
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                if (end < 0) {
                    return new Scan(Engine.Completeness.INCOMPLETE, last);
                }
                i = end + 2;
                continue;
            }
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                if (end < 0) {
                    return new Scan(Engine.Completeness.INCOMPLETE, last);
                }
                i = end + 3;
                last = '"';
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = closingQuote(code, i);
                if (end < 0) {
                    return new Scan(Engine.Completeness.INVALID, last);
                }
                i = end + 1;
                last = c;
                continue;
            }
            switch (c) {
                case '(', '[', '{' -> open.push(c);
                case ')', ']', '}' -> {
                    if (open.isEmpty() || open.pop() != partner(c)) {
                        return new Scan(Engine.Completeness.INVALID, c);
                    }
                }
                default -> {
                }
            }
            if (!Character.isWhitespace(c)) {
                last = c;
            }
            i++;
        }
        if (!open.isEmpty()) {
            return new Scan(Engine.Completeness.INCOMPLETE, last);
        }
        boolean continues = last != 0 && CONTINUING.indexOf(last) >= 0;
        return new Scan(continues ? Engine.Completeness.INCOMPLETE : Engine.Completeness.COMPLETE, last);
    }

    private static int skipTo(String code, int from, String end) {
        int at = code.indexOf(end, from);
        return at < 0 ? code.length() : at;
    }

    /** Index of the quote closing the literal opened at {@code start}, or -1 if the line ends first. */
    private static int closingQuote(String code, int start) {
        char quote = code.charAt(start);
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static char partner(char closing) {
        return switch (closing) {
            case ')' -> '(';
            case ']' -> '[';
            default -> '{';
        };
    }
}
