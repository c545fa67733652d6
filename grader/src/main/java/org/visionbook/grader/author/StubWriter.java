package org.visionbook.grader.author;

import org.visionbook.grader.author.JavaOutline.Brace;
import org.visionbook.grader.author.JavaOutline.BraceKind;
import org.visionbook.grader.author.JavaOutline.Token;
import org.visionbook.grader.author.JavaOutline.TokenKind;

import java.util.List;
import java.util.Set;
import org.visionbook.toolkit.display.Escape;

/**
 * Turns the solution regions of a code cell into stubs that compile and fail with a message
 * naming the exercise. What the stub is depends on where the region sits:
 *
 * <ul>
 *   <li>inside a method or other block: a {@code throw} statement. When more code follows the
 *       region in the same block it becomes {@code if (true) throw ...;}, so the code after it is
 *       still reachable and compiles; at the end of a block it is a plain {@code throw}, so a
 *       method with a return value needs no {@code return};</li>
 *   <li>at the top level of a cell or in a class body: each method keeps its signature and gets a
 *       throwing body, each class keeps its header and its stubbed methods; other top-level
 *       statements become one {@code throw} (JShell runs a cell's statements one by one, so the
 *       cell stops there with the message).</li>
 * </ul>
 *
 * A code solution cell without markers is treated as one region around the whole cell.
 */
public final class StubWriter {

    /** Marks where the student's work goes, as nbgrader does. */
    public static final String YOUR_CODE_HERE = "// YOUR CODE HERE";

    private static final Set<String> CONTINUES_STATEMENT = Set.of("else", "catch", "finally", "while");

    private StubWriter() {
    }

    /** The exception a stub throws: it names the exercise, so the student knows what to write. */
    public static String throwStatement(String exerciseId) {
        return "throw new UnsupportedOperationException(" + javaString("exercise " + exerciseId + ": not implemented yet") + ");";
    }

    /** The stub message for {@code exerciseId}, as the student will read it. */
    public static String message(String exerciseId) {
        return "exercise " + exerciseId + ": not implemented yet";
    }

    /** Replaces every solution region of a code cell with a stub; {@code where} names the cell in errors. */
    public static String stubCode(String source, String exerciseId, String where) throws AuthoringException {
        List<String> lines = Markers.lines(source);
        List<Markers.Region> regions = Markers.find(lines, where).stream()
                .filter(r -> r.kind() == Markers.Kind.SOLUTION).toList();
        JavaOutline outline;
        try {
            outline = JavaOutline.of(source);
        } catch (IllegalArgumentException e) {
            throw new AuthoringException(where + ": cannot read the Java in this cell: " + e.getMessage(), e);
        }
        if (regions.isEmpty()) {
            return declarations(outline, 0, source.length(), "", true, exerciseId);
        }
        int[] lineStart = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            lineStart[i + 1] = lineStart[i] + lines.get(i).length();
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Markers.Region r : regions) {
            appendLines(out, lines, copied, r.begin());
            String indent = leadingWhitespace(lines.get(r.begin()));
            int from = lineStart[r.begin() + 1];
            int to = lineStart[r.end()];
            var context = outline.enclosing(lineStart[r.begin()]);
            String stub;
            if (context.isEmpty()) {
                stub = declarations(outline, from, to, indent, true, exerciseId);
            } else if (context.get().kind().holdsMembers()) {
                stub = declarations(outline, from, to, indent, false, exerciseId);
            } else if (context.get().kind().holdsStatements()) {
                int next = outline.firstTokenAtOrAfter(lineStart[r.end() + 1]);
                boolean endsBlock = next < outline.tokens().size() && next == context.get().closeToken();
                stub = indent + YOUR_CODE_HERE + "\n" + indent + (endsBlock ? "" : "if (true) ") + throwStatement(exerciseId) + "\n";
            } else {
                throw new AuthoringException(where + ", line " + (r.begin() + 1)
                        + ": a solution region cannot sit inside an array initializer; put it around whole statements");
            }
            out.append(stub);
            copied = r.end() + 1;
        }
        appendLines(out, lines, copied, lines.size());
        return out.toString();
    }

    private static void appendLines(StringBuilder out, List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append(lines.get(i));
        }
    }

    /**
     * Stubs for the text between {@code from} and {@code to} at the top level of a cell
     * ({@code topLevel}) or in a class body: declarations keep their headers, their bodies throw.
     */
    private static String declarations(JavaOutline outline, int from, int to, String indent, boolean topLevel,
                                       String exerciseId) {
        String src = outline.source();
        List<Token> tokens = outline.tokens();
        int first = outline.firstTokenAtOrAfter(from);
        int last = outline.firstTokenAtOrAfter(to);
        StringBuilder out = new StringBuilder();
        boolean statementsDropped = false;
        int itemText = from;
        int i = first;
        while (i < last) {
            // a declaration's text starts on its own line, with the comments above it
            itemText = Math.min(itemText, tokens.get(i).start());
            int itemFirst = i;
            Brace declaration = null;
            boolean hasBlock = false;
            int depth = 0;
            int end = -1;
            while (i < last && end < 0) {
                Token t = tokens.get(i);
                if (t.kind() == TokenKind.LPAREN) {
                    depth++;
                } else if (t.kind() == TokenKind.RPAREN) {
                    depth--;
                } else if (t.kind() == TokenKind.SEMI && depth == 0) {
                    end = i;
                } else if (t.kind() == TokenKind.LBRACE) {
                    Brace b = outline.braceOpenedAt(i);
                    boolean atItemLevel = depth == 0;
                    i = b.closeToken();
                    if (atItemLevel && (b.kind() == BraceKind.METHOD_BODY || b.kind() == BraceKind.TYPE_DECL)) {
                        declaration = b;
                        end = i;
                    } else if (atItemLevel && b.kind() == BraceKind.BLOCK) {
                        hasBlock = true;
                        boolean continues = i + 1 < last && CONTINUES_STATEMENT.contains(tokens.get(i + 1).text());
                        if (!continues) {
                            end = i;
                        }
                    }
                }
                i++;
            }
            if (end < 0) {
                end = last - 1;
            }
            int itemEnd = tokens.get(end).end();
            boolean isImport = tokens.get(itemFirst).is("import");
            if (declaration != null) {
                String header = src.substring(itemText, declaration.open() + 1);
                String lineIndent = indentOfLine(src, declaration.open());
                String bodyIndent = lineIndent + "    ";
                out.append(header).append('\n');
                if (declaration.kind() == BraceKind.METHOD_BODY) {
                    out.append(bodyIndent).append(YOUR_CODE_HERE).append('\n')
                            .append(bodyIndent).append(throwStatement(exerciseId)).append('\n');
                } else {
                    int bodyFrom = Math.min(lineEndAfter(src, declaration.open()), tokens.get(declaration.openToken() + 1).start());
                    out.append(declarations(outline, bodyFrom, declaration.close(), bodyIndent, false, exerciseId));
                }
                out.append(lineIndent).append("}\n");
            } else if (isImport || (!topLevel && !hasBlock)) {
                // imports, fields and abstract methods stay as written
                out.append(src, itemText, itemEnd).append('\n');
            } else {
                statementsDropped = true;
            }
            itemText = lineEndAfter(src, itemEnd - 1);
        }
        if (topLevel && (statementsDropped || out.length() == 0)) {
            out.append(indent).append(YOUR_CODE_HERE).append('\n').append(indent).append(throwStatement(exerciseId)).append('\n');
        } else if (out.length() == 0) {
            out.append(indent).append(YOUR_CODE_HERE).append('\n');
        }
        return out.toString();
    }

    /** The offset just after the line break that ends the line holding {@code offset}. */
    private static int lineEndAfter(String src, int offset) {
        int nl = src.indexOf('\n', Math.max(offset, 0));
        return nl < 0 ? src.length() : nl + 1;
    }

    private static String indentOfLine(String src, int offset) {
        int start = src.lastIndexOf('\n', offset - 1) + 1;
        return leadingWhitespace(src.substring(start));
    }

    private static String leadingWhitespace(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** Removes every hidden-test region (markers included) from a cell's source. */
    public static String removeHiddenTests(String source, String where) throws AuthoringException {
        List<String> lines = Markers.lines(source);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Markers.Region r : Markers.find(lines, where)) {
            if (r.kind() == Markers.Kind.HIDDEN_TESTS) {
                appendLines(out, lines, copied, r.begin());
                copied = r.end() + 1;
            }
        }
        appendLines(out, lines, copied, lines.size());
        return out.toString();
    }

    /** {@code s} as a Java string literal. */
    public static String javaString(String s) {
        return Escape.quoted(s);
    }
}
