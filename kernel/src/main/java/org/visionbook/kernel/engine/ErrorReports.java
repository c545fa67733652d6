package org.visionbook.kernel.engine;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Friendly errors: a compile error shows the cell line with the offending span marked; a runtime
 * error shows the exception and the cell lines it passed through, without the kernel's own frames.
 */
final class ErrorReports {

    static final String RED = "\u001B[1;31m";
    static final String DIM = "\u001B[2m";
    static final String RESET = "\u001B[0m";
    private static final int MAX_LIBRARY_FRAMES = 8;

    private final JShell shell;
    private final SourceMap sources;

    ErrorReports(JShell shell, SourceMap sources) {
        this.shell = shell;
        this.sources = sources;
    }

    CellError compileError(Snippet snippet, SourceMap.Place place) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            errors = shell.diagnostics(snippet).collect(Collectors.toList());
        }
        List<String> lines = new ArrayList<>();
        String first = null;
        SourceMap.Source source = place.source();
        for (Diag d : errors) {
            long start = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            long end = d.getEndPosition() >= 0 ? d.getEndPosition() : start + 1;
            int from = clamp(place.offset() + start, source.text().length());
            int to = clamp(place.offset() + Math.max(end, start + 1), source.text().length());
            int line = source.lineOf(from);
            int lineStart = source.lineStart(line);
            String text = source.line(line);
            int col = Math.min(from - lineStart, text.length());
            int width = Math.max(1, Math.min(to - from, text.length() - col));
            String message = message(d);
            if (first == null) {
                first = message.lines().findFirst().orElse(message);
            }
            lines.add(RED + "Compile error" + RESET + " in " + source.label() + ", line " + source.displayLine(line) + ":");
            lines.add("    " + text);
            lines.add("    " + " ".repeat(col) + RED + "^".repeat(width) + RESET);
            message.lines().forEach(lines::add);
        }
        if (lines.isEmpty()) {
            first = "the code could not be compiled";
            lines.add(RED + "Compile error" + RESET + " in " + source.label() + ": " + first);
        }
        return new CellError("CompileError", first, lines);
    }

    private static String message(Diag d) {
        // javac describes locations in JShell's generated wrapper classes; they mean nothing to a user.
        return d.getMessage(Locale.ROOT).lines()
                .filter(l -> !l.trim().startsWith("location: class"))
                .collect(Collectors.joining("\n"));
    }

    CellError incomplete(SourceMap.Place place) {
        SourceMap.Source source = place.source();
        int line = source.lineOf(source.text().length());
        String message = "the code is incomplete (a missing ')', '}' or ';'?)";
        return new CellError("CompileError", message, List.of(
                RED + "Compile error" + RESET + " in " + source.label() + ", line " + source.displayLine(line) + ":",
                "    " + source.line(line),
                message));
    }

    CellError runtimeError(JShellException thrown, Throwable original) {
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            return unresolved(unresolved);
        }
        List<String> lines = new ArrayList<>();
        String name = thrown instanceof EvalException ee ? ee.getExceptionClassName() : thrown.getClass().getName();
        if (original instanceof CellExit.ExitAttempt exit) {
            lines.add(RED + "SystemExit" + RESET + ": " + exit.getMessage());
            frames(thrown.getStackTrace(), lines);
            return new CellError("SystemExit", exit.getMessage(), lines);
        }
        describe(thrown, lines, "");
        if (original instanceof OutOfMemoryError) {
            lines.add("");
            lines.add("The kernel ran out of memory; it is still running and earlier variables are kept.");
            lines.add("Free memory (set large variables to null, use smaller batches) or raise the limits:");
            lines.add("-Xmx (heap) and -Dorg.bytedeco.javacpp.maxbytes (ND4J arrays) in kernel.json.");
        }
        return new CellError(simpleName(name), thrown.getMessage() == null ? "" : withoutWrappers(thrown.getMessage()), lines);
    }

    private void describe(JShellException e, List<String> lines, String prefix) {
        String name = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
        String message = withoutWrappers(e.getMessage());
        lines.add(prefix + RED + name + RESET + (message == null || message.isEmpty() ? "" : ": " + message));
        frames(e.getStackTrace(), lines);
        Throwable cause = e.getCause();
        if (cause instanceof JShellException jc && cause != e) {
            describe(jc, lines, "Caused by: ");
        }
    }

    private void frames(StackTraceElement[] stack, List<String> lines) {
        int library = 0;
        int hidden = 0;
        for (StackTraceElement f : stack) {
            String file = f.getFileName();
            if (file != null && file.startsWith("#")) {
                lines.add("    at " + cellFrame(f));
            } else if (isKernelInternal(f)) {
                continue;
            } else if (library < MAX_LIBRARY_FRAMES) {
                library++;
                lines.add(DIM + "    at " + f + RESET);
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            lines.add(DIM + "    ... " + hidden + " more" + RESET);
        }
    }

    private String cellFrame(StackTraceElement f) {
        SourceMap.Place place = sources.get(f.getFileName().substring(1));
        String method = f.getMethodName();
        String cls = f.getClassName();
        String where = method.isEmpty() ? "" : (cls.isEmpty() ? "" : cls + ".") + method + " ";
        if (place == null) {
            return where + "(snippet " + f.getFileName() + ", line " + f.getLineNumber() + ")";
        }
        int line = place.firstLine() + f.getLineNumber() - 1;
        String code = place.source().line(line).trim();
        String loc = place.source().label() + ", line " + place.source().displayLine(line);
        return (where.isEmpty() ? loc : where + "(" + loc + ")") + (code.isEmpty() ? "" : ":  " + code);
    }

    private static boolean isKernelInternal(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("org.visionbook.kernel.")
                || c.startsWith("jdk.internal.reflect.")
                || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.jshell.")
                || c.startsWith("org.dflib.jjava.")
                || c.equals("java.lang.Thread");
    }

    private CellError unresolved(UnresolvedReferenceException e) {
        Snippet s = e.getSnippet();
        String missing = s instanceof jdk.jshell.DeclarationSnippet d
                ? shell.unresolvedDependencies(d).collect(Collectors.joining(", "))
                : "";
        String what = s instanceof jdk.jshell.DeclarationSnippet d ? d.name() : s.source().trim();
        String message = what + " cannot be used until " + (missing.isEmpty() ? "its missing definitions are" : missing + " is") + " defined";
        List<String> lines = new ArrayList<>();
        lines.add(RED + "UnresolvedReference" + RESET + ": " + message);
        frames(e.getStackTrace(), lines);
        return new CellError("UnresolvedReference", message, lines);
    }

    static CellError interrupted() {
        String message = "the cell was interrupted; variables defined before it, and those it defined before it was stopped, are kept";
        return new CellError("Interrupted", message, List.of(RED + "Interrupted" + RESET + ": " + message));
    }

    static CellError internal(String what, Throwable t) {
        String message = what + ": " + t;
        return new CellError("KernelError", message, List.of(RED + "KernelError" + RESET + ": " + message));
    }

    static CellError simple(String name, String message) {
        return new CellError(name, message, List.of(RED + name + RESET + ": " + message));
    }

    /** Helpful NullPointerException messages name JShell's wrapper class ("REPL.$JShell$24.s"): drop it. */
    static String withoutWrappers(String message) {
        return message == null ? null : message.replaceAll("(REPL\\.)?\\$JShell\\$\\d+[A-Z]?\\.", "");
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    private static int clamp(long v, int max) {
        return (int) Math.max(0, Math.min(v, max));
    }
}
