package org.visionbook.grader.author;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Just enough of Java's structure to write a stub that compiles: the tokens of a cell (comments,
 * strings, character literals and text blocks skipped) and, for every brace, what it opens - a
 * type body, a method body, a statement block, a lambda body or an array initializer.
 *
 * <p>A JShell cell is not a compilation unit (it may hold bare statements and top-level methods),
 * so javac's parser does not take it as it is; this outline does not need to, because the stub
 * writer only asks "what encloses this line" and "what comes next".
 */
final class JavaOutline {

    enum TokenKind { IDENT, LBRACE, RBRACE, LPAREN, RPAREN, SEMI, COMMA, ARROW, OTHER }

    record Token(TokenKind kind, String text, int start, int end) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    enum BraceKind {
        /** The body of a class, interface, enum, record or annotation type. */
        TYPE_DECL,
        /** The body of an anonymous class ({@code new Foo() { ... }}). */
        ANONYMOUS_CLASS,
        /** The body of a method or constructor. */
        METHOD_BODY,
        /** The body of a lambda or a switch rule ({@code -> { ... }}). */
        LAMBDA_BODY,
        /** A statement block: if/for/while/try/..., a bare block or an initializer. */
        BLOCK,
        /** An array initializer ({@code = {1, 2}}). */
        ARRAY_INIT;

        boolean holdsMembers() {
            return this == TYPE_DECL || this == ANONYMOUS_CLASS;
        }

        boolean holdsStatements() {
            return this == METHOD_BODY || this == LAMBDA_BODY || this == BLOCK;
        }
    }

    /** One brace pair; {@code openToken} and {@code closeToken} index {@link #tokens()}. */
    record Brace(BraceKind kind, int openToken, int closeToken, int open, int close) {
    }

    private static final Set<String> CONTROL = Set.of("if", "else", "for", "while", "do", "try", "catch",
            "finally", "switch", "synchronized", "case");
    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum");

    private final String source;
    private final List<Token> tokens;
    private final List<Brace> braces;

    private JavaOutline(String source, List<Token> tokens, List<Brace> braces) {
        this.source = source;
        this.tokens = tokens;
        this.braces = braces;
    }

    /** Outlines {@code source}; fails when braces, parentheses or literals do not close. */
    static JavaOutline of(String source) {
        List<Token> tokens = tokenize(source);
        List<Brace> braces = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        Deque<BraceKind> kinds = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.LBRACE) {
                BraceKind kind = classify(tokens, i, kinds.isEmpty() ? null : kinds.peek());
                open.push(i);
                kinds.push(kind);
            } else if (t.kind() == TokenKind.RBRACE) {
                if (open.isEmpty()) {
                    throw new IllegalArgumentException("unbalanced braces: '}' without '{' at line " + lineOf(source, t.start()));
                }
                int o = open.pop();
                BraceKind kind = kinds.pop();
                braces.add(new Brace(kind, o, i, tokens.get(o).start(), t.start()));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("unbalanced braces: '{' at line " + lineOf(source, tokens.get(open.peek()).start()) + " is never closed");
        }
        braces.sort((a, b) -> Integer.compare(a.open(), b.open()));
        return new JavaOutline(source, tokens, braces);
    }

    List<Token> tokens() {
        return tokens;
    }

    /** The innermost brace pair around {@code offset}, or empty at the top level of the cell. */
    Optional<Brace> enclosing(int offset) {
        Brace best = null;
        for (Brace b : braces) {
            if (b.open() < offset && offset <= b.close() && (best == null || b.open() > best.open())) {
                best = b;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The brace pair opened by the token at {@code tokenIndex}. */
    Brace braceOpenedAt(int tokenIndex) {
        for (Brace b : braces) {
            if (b.openToken() == tokenIndex) {
                return b;
            }
        }
        throw new IllegalArgumentException("no brace opens at token " + tokenIndex);
    }

    /** Index of the first token starting at or after {@code offset}, or tokens().size(). */
    int firstTokenAtOrAfter(int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() >= offset) {
                return i;
            }
        }
        return tokens.size();
    }

    static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The header of a brace: the tokens before it back to the previous {@code ;}, brace, comma or
     * unmatched opening parenthesis at the same nesting.
     */
    static int headerStart(List<Token> tokens, int braceIndex) {
        int depth = 0;
        for (int j = braceIndex - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            switch (t.kind()) {
                case RPAREN -> depth++;
                case LPAREN -> {
                    if (depth == 0) {
                        return j + 1;
                    }
                    depth--;
                }
                case SEMI, LBRACE, RBRACE, COMMA -> {
                    if (depth == 0) {
                        return j + 1;
                    }
                }
                default -> { }
            }
        }
        return 0;
    }

    private static BraceKind classify(List<Token> tokens, int i, BraceKind enclosing) {
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        if (prev != null) {
            if (prev.kind() == TokenKind.ARROW) {
                return BraceKind.LAMBDA_BODY;
            }
            if (prev.is("=") || prev.is("]") || prev.kind() == TokenKind.COMMA
                    || (prev.kind() == TokenKind.LBRACE && enclosing == BraceKind.ARRAY_INIT)) {
                return BraceKind.ARRAY_INIT;
            }
        }
        int start = headerStart(tokens, i);
        List<Token> header = tokens.subList(start, i);
        if (header.isEmpty()) {
            return BraceKind.BLOCK;
        }
        for (int j = 0; j < header.size(); j++) {
            Token t = header.get(j);
            boolean afterDot = j > 0 && header.get(j - 1).is(".");
            boolean afterAt = j > 0 && header.get(j - 1).is("@");
            if (t.kind() == TokenKind.IDENT && !afterDot) {
                if (TYPE_KEYWORDS.contains(t.text()) || (afterAt && t.is("interface"))) {
                    return BraceKind.TYPE_DECL;
                }
                // 'record' is only a keyword in "record Name(" or "record Name<".
                if (t.is("record") && j + 2 < header.size() && header.get(j + 1).kind() == TokenKind.IDENT
                        && (header.get(j + 2).is("(") || header.get(j + 2).is("<"))) {
                    return BraceKind.TYPE_DECL;
                }
            }
        }
        Token first = header.get(0);
        boolean labelled = header.size() > 2 && first.kind() == TokenKind.IDENT && header.get(1).is(":");
        Token lead = labelled ? header.get(2) : first;
        if (CONTROL.contains(lead.text())) {
            return BraceKind.BLOCK;
        }
        // "static {" is an initializer and "default: {" a switch label; "static int f() {" is a method
        if (header.size() == 1 && lead.is("static") || lead.is("default") && header.size() == 2 && header.get(1).is(":")) {
            return BraceKind.BLOCK;
        }
        boolean hasNew = header.stream().anyMatch(t -> t.is("new"));
        if (hasNew && prev != null && (prev.kind() == TokenKind.RPAREN)) {
            return BraceKind.ANONYMOUS_CLASS;
        }
        boolean declarationContext = enclosing == null || enclosing.holdsMembers();
        if (declarationContext && prev != null && (prev.kind() == TokenKind.RPAREN || prev.kind() == TokenKind.IDENT)) {
            return BraceKind.METHOD_BODY;
        }
        return BraceKind.BLOCK;
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("a /* comment at line " + lineOf(s, i) + " is never closed");
                }
                i = end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (j < n && !s.startsWith("\"\"\"", j)) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n) {
                    throw new IllegalArgumentException("a text block at line " + lineOf(s, i) + " is never closed");
                }
                out.add(new Token(TokenKind.OTHER, "\"\"\"", i, j + 3));
                i = j + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n || s.charAt(j) != c) {
                    throw new IllegalArgumentException("a " + (c == '"' ? "string" : "character") + " literal at line "
                            + lineOf(s, i) + " is never closed");
                }
                out.add(new Token(TokenKind.OTHER, s.substring(i, j + 1), i, j + 1));
                i = j + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                out.add(new Token(TokenKind.IDENT, s.substring(i, j), i, j));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(TokenKind.OTHER, s.substring(i, j), i, j));
                i = j;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '>') {
                out.add(new Token(TokenKind.ARROW, "->", i, i + 2));
                i += 2;
            } else {
                TokenKind kind = switch (c) {
                    case '{' -> TokenKind.LBRACE;
                    case '}' -> TokenKind.RBRACE;
                    case '(' -> TokenKind.LPAREN;
                    case ')' -> TokenKind.RPAREN;
                    case ';' -> TokenKind.SEMI;
                    case ',' -> TokenKind.COMMA;
                    default -> TokenKind.OTHER;
                };
                out.add(new Token(kind, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    String source() {
        return source;
    }
}
