package org.visionbook.kernel.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;
import org.visionbook.kernel.maven.MavenResolver;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The built-in magics, as in IJava: {@code %jars}, {@code %classpath}, {@code %maven},
 * {@code %load}, {@code %time} / {@code %%time} and {@code %lsmagic}.
 */
final class Magics {

    private Magics() {
    }

    static void registerBuiltIns(Engine engine) {
        engine.registerLineMagic("jars", Magics::jars);
        engine.registerLineMagic("classpath", Magics::classpath);
        engine.registerLineMagic("maven", Magics::maven);
        engine.registerLineMagic("load", Magics::load);
        engine.registerLineMagic("time", call -> time(call, call.args(), call.line()));
        engine.registerCellMagic("time", call -> time(call, call.body(), call.line()));
        engine.registerLineMagic("lsmagic", Magics::lsmagic);
    }

    /** {@code %jars lib/*.jar other.jar}: adds jars (globs allowed) to the class path. */
    private static Evaluation jars(Magic.Call call) {
        List<Path> added = new ArrayList<>();
        for (String pattern : requireWords(call, "%jars lib/*.jar")) {
            List<Path> matches = glob(pattern);
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("no file matches '" + pattern + "' (relative to "
                        + Path.of("").toAbsolutePath() + ")");
            }
            for (Path p : matches) {
                call.engine().addToClasspath(p);
                added.add(p);
            }
        }
        System.out.println("Added to the class path: " + names(added));
        return Evaluation.NOTHING;
    }

    /** {@code %classpath} prints the class path; {@code %classpath dir:lib/x.jar} adds to it. */
    private static Evaluation classpath(Magic.Call call) {
        List<String> words = call.words();
        if (words.isEmpty()) {
            call.engine().classpath().forEach(System.out::println);
            return Evaluation.NOTHING;
        }
        List<Path> added = new ArrayList<>();
        for (String word : words) {
            for (String entry : word.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                List<Path> matches = glob(entry);
                if (matches.isEmpty()) {
                    throw new IllegalArgumentException("no file or folder matches '" + entry + "'");
                }
                for (Path p : matches) {
                    call.engine().addToClasspath(p);
                    added.add(p);
                }
            }
        }
        System.out.println("Added to the class path: " + names(added));
        return Evaluation.NOTHING;
    }

    /** {@code %maven group:artifact:version ...}: resolves with dependencies and adds the jars. */
    private static Evaluation maven(Magic.Call call) {
        List<String> coordinates = requireWords(call, "%maven org.apache.commons:commons-math3:3.6.1");
        List<MavenResolver.Resolved> resolved = MavenResolver.fromEnvironment().resolve(coordinates);
        List<String> present = call.engine().classpath();
        List<String> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (MavenResolver.Resolved r : resolved) {
            String kept = alreadyPresent(present, r);
            if (kept != null) {
                skipped.add(r.coordinates() + " (the kernel has " + kept + ")");
            } else {
                call.engine().addToClasspath(r.jar());
                added.add(r.coordinates());
            }
        }
        if (!added.isEmpty()) {
            System.out.println("Added to the class path: " + String.join(", ", added));
        }
        if (!skipped.isEmpty()) {
            System.out.println("Already on the class path: " + String.join(", ", skipped));
        }
        return Evaluation.NOTHING;
    }

    /** The class path entry that already provides {@code r}'s artifact (any version), or null. */
    private static String alreadyPresent(List<String> classpath, MavenResolver.Resolved r) {
        for (String entry : classpath) {
            String file = Path.of(entry).getFileName() == null ? entry : Path.of(entry).getFileName().toString();
            if (file.equals(r.jar().getFileName().toString())) {
                return file;
            }
            String prefix = r.artifactId() + "-";
            if (file.startsWith(prefix) && file.endsWith(".jar") && file.length() > prefix.length()
                    && Character.isDigit(file.charAt(prefix.length()))) {
                return file;
            }
        }
        return null;
    }

    /** {@code %load file.jsh}, {@code %load Other.java} or {@code %load other.ipynb}: runs its code here. */
    private static Evaluation load(Magic.Call call) throws IOException {
        List<String> words = requireWords(call, "%load helpers.jsh");
        Engine engine = call.engine();
        Evaluation last = Evaluation.NOTHING;
        engine.enterLoad();
        try {
            for (String name : words) {
                Path file = Path.of(name);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("no such file: " + file.toAbsolutePath());
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (name.toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
                    last = loadNotebook(engine, file, text);
                } else {
                    last = engine.evaluate(text, "file " + file);
                }
            }
        } finally {
            engine.leaveLoad();
        }
        return last;
    }

    private static Evaluation loadNotebook(Engine engine, Path file, String text) {
        JsonObject nb;
        try {
            nb = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a notebook (invalid JSON: " + e.getMessage() + ")");
        }
        JsonElement cells = nb.get("cells");
        if (cells == null || !cells.isJsonArray()) {
            throw new IllegalArgumentException(file + " is not an nbformat 4 notebook (no \"cells\" list)");
        }
        Evaluation last = Evaluation.NOTHING;
        int index = 0;
        for (JsonElement c : cells.getAsJsonArray()) {
            index++;
            JsonObject cell = c.getAsJsonObject();
            if (!"code".equals(cell.has("cell_type") ? cell.get("cell_type").getAsString() : "")) {
                continue;
            }
            last = engine.evaluate(source(cell.get("source")), file.getFileName() + " cell " + index);
        }
        return last;
    }

    static String source(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonElement line : (JsonArray) source) {
                b.append(line.getAsString());
            }
            return b.toString();
        }
        return source.getAsString();
    }

    /** {@code %time code} / {@code %%time}: runs the code and prints how long it took. */
    private static Evaluation time(Magic.Call call, String code, int firstLine) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("nothing to time; write %time someCall() or start a cell with %%time");
        }
        long start = System.nanoTime();
        Evaluation result = call.engine().evaluate(code, call.label(), firstLine);
        long nanos = System.nanoTime() - start;
        System.out.println("Wall time: " + duration(nanos));
        return result;
    }

    static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static Evaluation lsmagic(Magic.Call call) {
        System.out.println("Line magics: " + prefixed("%", new TreeSet<>(call.engine().lineMagicNames())));
        System.out.println("Cell magics: " + prefixed("%%", new TreeSet<>(call.engine().cellMagicNames())));
        return Evaluation.NOTHING;
    }

    private static String prefixed(String prefix, TreeSet<String> names) {
        return String.join(" ", names.stream().map(n -> prefix + n).toList());
    }

    /** Files matching a glob ({@code lib/*.jar}); empty when nothing matches or the folder is missing. */
    private static List<Path> glob(String pattern) {
        try {
            return PathsHandler.resolveGlobs(pattern);
        } catch (RuntimeException missingFolder) {
            return List.of();
        }
    }

    private static List<String> requireWords(Magic.Call call, String example) {
        List<String> words = call.words();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("missing argument; for example: " + example);
        }
        return words;
    }

    private static String names(List<Path> paths) {
        return String.join(", ", paths.stream().map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString()).toList());
    }
}
