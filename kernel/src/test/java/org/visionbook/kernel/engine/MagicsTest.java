package org.visionbook.kernel.engine;

import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.kernel.maven.MavenResolver;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicsTest {

    static Engine engine;
    static int count;

    @BeforeAll
    static void start() {
        engine = Engine.start(EngineConfig.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
        System.clearProperty(MavenResolver.OFFLINE_PROPERTY);
    }

    static CellOutcome run(String code, RecordingListener out) {
        return engine.execute(code, ++count, out);
    }

    static String result(CellOutcome outcome) {
        CellOutcome.Success ok = assertInstanceOf(CellOutcome.Success.class, outcome, () -> "failed: " + outcome);
        return ok.result().map(d -> String.valueOf(d.getData(MIMEType.TEXT_PLAIN))).orElse(null);
    }

    static CellError error(CellOutcome outcome) {
        return assertInstanceOf(CellOutcome.Failure.class, outcome, () -> "expected a failure, got " + outcome).error();
    }

    /** Compiles {@code pkg.Name} with one static method {@code hi()} into {@code dir}. */
    static Path compileClass(Path dir, String pkg, String name, String greeting) throws Exception {
        Path src = dir.resolve("src/" + pkg + "/" + name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package " + pkg + "; public class " + name
                + " { public static String hi() { return \"" + greeting + "\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), src.toString()));
        return classes;
    }

    @Test
    void jarsAddsAJarMatchedByAGlob(@TempDir Path dir) throws Exception {
        Path classes = compileClass(dir, "jardemo", "Hello", "from a jar");
        Path jar = dir.resolve("lib/hello-1.0.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("jardemo/Hello.class"));
            Files.copy(classes.resolve("jardemo/Hello.class"), (OutputStream) out);
            out.closeEntry();
        }
        RecordingListener out = new RecordingListener();
        assertEquals("from a jar", result(run("%jars " + dir.resolve("lib") + "/*.jar\njardemo.Hello.hi()", out)));
        assertTrue(out.stdout().contains("hello-1.0.jar"), out.stdout());
    }

    @Test
    void classpathAddsAClassFolderAndListsTheClassPath(@TempDir Path dir) throws Exception {
        Path classes = compileClass(dir, "cpdemo", "Hello", "from a folder");
        assertEquals("from a folder", result(run("%classpath " + classes + "\ncpdemo.Hello.hi()", new RecordingListener())));
        RecordingListener listing = new RecordingListener();
        run("%classpath", listing);
        assertTrue(listing.stdout().contains(classes.toString()), listing.stdout());
    }

    @Test
    void jarsNamesAPatternThatMatchesNothing() {
        CellError e = error(run("%jars /no/such/dir/*.jar", new RecordingListener()));
        assertEquals("MagicError", e.name());
        assertTrue(e.message().contains("no file matches '/no/such/dir/*.jar'"), e.message());
    }

    @Test
    void loadRunsAJshFileAndErrorsNameTheFileAndLine(@TempDir Path dir) throws Exception {
        Path helpers = dir.resolve("helpers.jsh");
        Files.writeString(helpers, "int triple(int x) { return 3 * x; }\n");
        assertEquals("9", result(run("%load " + helpers + "\ntriple(3)", new RecordingListener())));

        Path broken = dir.resolve("broken.jsh");
        Files.writeString(broken, "int fine = 1;\nint broken = \"x\";\n");
        CellError e = error(run("%load " + broken, new RecordingListener()));
        assertTrue(e.plainText().contains("file " + broken + ", line 2"), e.plainText());
    }

    @Test
    void loadRunsTheCodeCellsOfAnotherNotebook(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("other.ipynb");
        Files.writeString(nb, """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "markdown", "id": "a", "metadata": {}, "source": "# not code"},
                 {"cell_type": "code", "id": "b", "metadata": {}, "outputs": [], "execution_count": null,
                  "source": ["int fromOtherNotebook = 5;\\n", "System.out.println(\\"loaded\\");"]}]}
                """);
        RecordingListener out = new RecordingListener();
        assertEquals("6", result(run("%load " + nb + "\nfromOtherNotebook + 1", out)));
        assertEquals("loaded\n", out.stdout());
    }

    @Test
    void timePrintsTheWallTimeAndKeepsTheValue() {
        RecordingListener line = new RecordingListener();
        assertEquals("4", result(run("%time 2 + 2", line)));
        assertTrue(line.stdout().matches("Wall time: [0-9.]+ (µs|ms|s)\\n"), line.stdout());

        RecordingListener cell = new RecordingListener();
        assertEquals("45", result(run("%%time\nint s = 0;\nfor (int i = 0; i < 10; i++) s += i;\ns", cell)));
        assertTrue(cell.stdout().startsWith("Wall time: "), cell.stdout());
    }

    @Test
    void anErrorInsideTimedCodePointsAtTheCellLine() {
        CellError e = error(run("%%time\nint ok = 1;\nint bad = \"x\";", new RecordingListener()));
        assertTrue(e.plainText().contains("line 3"), e.plainText());
    }

    @Test
    void anUnknownMagicListsTheKnownOnes() {
        CellError e = error(run("%nonsense 1", new RecordingListener()));
        assertEquals("UnknownMagic", e.name());
        assertTrue(e.message().contains("%jars") && e.message().contains("%maven"), e.message());
    }

    @Test
    void mavenOfflineExplainsWhatIsMissing() {
        System.setProperty(MavenResolver.OFFLINE_PROPERTY, "true");
        try {
            CellError e = error(run("%maven org.visionbook.missing:nothing-here:0.0.1", new RecordingListener()));
            assertEquals("MagicError", e.name());
            assertTrue(e.message().contains("org.visionbook.missing:nothing-here:0.0.1"), e.message());
            assertTrue(e.message().contains("offline") && e.message().contains("~/.m2"), e.message());
        } finally {
            System.clearProperty(MavenResolver.OFFLINE_PROPERTY);
        }
    }

    @Test
    void mavenRejectsSomethingThatIsNotCoordinates() {
        CellError e = error(run("%maven just-a-name", new RecordingListener()));
        assertTrue(e.message().contains("group:artifact:version"), e.message());
    }
}
