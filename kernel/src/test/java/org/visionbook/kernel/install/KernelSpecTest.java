package org.visionbook.kernel.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSpecTest {

    @Test
    void kernelJsonStartsTheKernelWithTheMemoryKnobsAndMessageInterrupts(@TempDir Path prefix) throws Exception {
        KernelSpec spec = new KernelSpec("java", "Java (visionbook)", Path.of("/opt/jdk/bin/java"), "/k/kernel.jar:/k/lib/*",
                "1g", "900m", "2g", List.of("-Dvisionbook.maxOutputBytes=4m"));
        Path dir = KernelspecInstaller.install(spec, KernelspecInstaller.prefixKernelsDir(prefix));
        assertEquals(prefix.resolve("share/jupyter/kernels/java"), dir);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        List<String> argv = json.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals("/opt/jdk/bin/java", argv.get(0));
        assertTrue(argv.contains("-Xmx1g"), argv.toString());
        assertTrue(argv.contains("-Dorg.bytedeco.javacpp.maxbytes=900m"), argv.toString());
        assertTrue(argv.contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=2g"), argv.toString());
        assertTrue(argv.contains("-Dvisionbook.maxOutputBytes=4m"), argv.toString());
        assertTrue(argv.contains("-XX:+UseSerialGC") && argv.contains("-XX:TieredStopAtLevel=1"),
                "the JVM flags measured in bench/README.md: " + argv);
        assertEquals(List.of("-cp", "/k/kernel.jar:/k/lib/*", KernelSpec.MAIN_CLASS, "kernel", "{connection_file}"),
                argv.subList(argv.size() - 5, argv.size()));
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertTrue(Files.size(dir.resolve("logo-64x64.png")) > 0, "the logo Jupyter shows in its launcher");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "a temp file was left behind");
        }
    }

    @Test
    void aKernelspecNameWithSpacesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KernelSpec("my kernel", "x", Path.of("java"), "cp",
                "1g", "1g", "2g", List.of()));
    }

    @Test
    void theUserFolderFollowsJupytersRules() {
        Path dir = KernelspecInstaller.userKernelsDir();
        assertTrue(dir.endsWith(Path.of("jupyter", "kernels")) || dir.endsWith(Path.of("Jupyter", "kernels")), dir.toString());
    }
}
