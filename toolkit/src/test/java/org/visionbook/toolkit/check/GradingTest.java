package org.visionbook.toolkit.check;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.display.DisplaySink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradingTest {

    @TempDir
    Path dir;

    @AfterEach
    void disarm() throws Exception {
        Grading.reset();
        if (reader != null) {
            reader.close();
        }
    }

    private java.nio.channels.FileChannel reader;

    private byte[] arm() throws Exception {
        String key = ResultProtocol.newKey();
        Path keyFile = Files.writeString(dir.resolve("key"), key);
        Path notebook = Files.writeString(dir.resolve("injected.ipynb"), "{}");
        Path results = Files.createFile(dir.resolve("results"));
        reader = java.nio.channels.FileChannel.open(results);
        Grading.arm(keyFile, results, notebook);
        assertFalse(Files.exists(keyFile), "the key file is deleted before student code runs");
        assertFalse(Files.exists(notebook), "the injected notebook is deleted too");
        assertFalse(Files.exists(results), "the results file has no name any more");
        return ResultProtocol.parseKey(key);
    }

    private List<String> records(byte[] key) throws Exception {
        var bytes = java.nio.ByteBuffer.allocate((int) reader.size());
        reader.read(bytes, 0);
        List<String> all = new String(bytes.array(), java.nio.charset.StandardCharsets.US_ASCII).lines()
                .map(l -> ResultProtocol.verify(key, l).orElseThrow(() -> new AssertionError("bad signature: " + l)))
                .toList();
        assertTrue(all.get(0).contains("\"start\":true"), "arming records the start: " + all.get(0));
        return all.subList(1, all.size());
    }

    @Test
    void aGradedCellWritesOneSignedRecordWithItsChecks() throws Exception {
        byte[] key = arm();
        DisplaySink old = Display.install(new Display.ConsoleSink(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        try {
            assertThrows(AssertionError.class, () -> Grading.run("scale-tests", "n0nce", () ->
                    Check.exercise("scale").isTrue("one", () -> true).isTrue("two", () -> false).done()));
        } finally {
            Display.install(old);
        }
        List<String> records = records(key);
        assertEquals(1, records.size());
        String r = records.get(0);
        assertTrue(r.contains("\"gradeId\":\"scale-tests\""), r);
        assertTrue(r.contains("\"nonce\":\"n0nce\""), r);
        assertTrue(r.contains("\"completed\":false"), r);
        assertTrue(r.contains("\"label\":\"one\",\"passed\":true"), r);
        assertTrue(r.contains("\"label\":\"two\",\"passed\":false"), r);
    }

    @Test
    void checksMadeByStudentCodeDoNotCount() throws Exception {
        byte[] key = arm();
        Grading.run("t", "n", () -> {
            Check c = Check.exercise("real");
            int got = StudentCode.padWithPassingChecks();
            c.isTrue("answer is 42", () -> got == 42);
        });
        String r = records(key).get(0);
        assertFalse(r.contains("forged"), r);
        assertTrue(r.contains("\"label\":\"answer is 42\",\"passed\":false"), r);
    }

    @Test
    void aSecondArmIsRefused() throws Exception {
        arm();
        Path other = Files.writeString(dir.resolve("key2"), ResultProtocol.newKey());
        assertThrows(IllegalStateException.class, () -> Grading.arm(other, dir.resolve("results2")));
        assertTrue(Files.exists(other), "a refused arm touches nothing");
    }

    @Test
    void aLineSignedWithAnotherKeyOrEditedIsRejected() {
        byte[] key = ResultProtocol.parseKey(ResultProtocol.newKey());
        byte[] other = ResultProtocol.parseKey(ResultProtocol.newKey());
        String line = ResultProtocol.sign(key, "{\"v\":1}");
        assertEquals("{\"v\":1}", ResultProtocol.verify(key, line).orElseThrow());
        assertTrue(ResultProtocol.verify(other, line).isEmpty());
        assertTrue(ResultProtocol.verify(key, "SCORE 10/10").isEmpty());
        String tampered = ResultProtocol.sign(key, "{\"v\":2}").split("\\.")[0] + "." + line.split("\\.")[1];
        assertTrue(ResultProtocol.verify(key, tampered).isEmpty());
    }
}

/**
 * Stands for the student's code: a separate top-level class (as each JShell snippet is), so not a
 * nestmate of the test body.
 */
final class StudentCode {
    static int padWithPassingChecks() {
        Check.exercise("forged").isTrue("always", () -> true).isTrue("again", () -> true);
        return 41;
    }
}
