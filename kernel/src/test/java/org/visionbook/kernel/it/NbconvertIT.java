package org.visionbook.kernel.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.kernel.install.KernelSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same notebook (prints, stderr, an image, a table, an array heatmap, a small net trained with
 * a live-updating chart, SVG, %%time) executed by Jupyter itself ({@code jupyter nbconvert
 * --execute} through the installed kernel) and by the headless runner: the recorded outputs must
 * be the same, apart from timings.
 */
class NbconvertIT {

    @Test
    void nbconvertAndTheHeadlessRunnerRecordTheSameOutputs(@TempDir Path scratch) throws Exception {
        Path jupyterPath = JupyterTools.installKernel(scratch.resolve("prefix"));
        Path work = Files.createDirectories(scratch.resolve("notebooks"));
        try (InputStream in = NbconvertIT.class.getResourceAsStream("/notebooks/sample.ipynb")) {
            Files.copy(in, work.resolve("sample.ipynb"));
        }

        JupyterTools.Result nbconvert = JupyterTools.run(List.of(JupyterTools.python(), "-m", "nbconvert",
                        "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300",
                        "--output-dir", scratch.resolve("nbconvert").toString(), "sample.ipynb"),
                work, JupyterTools.jupyterEnv(jupyterPath, scratch), 600);
        assertEquals(0, nbconvert.exitCode(), nbconvert.output());

        List<String> runner = new ArrayList<>();
        KernelSpec spec = KernelSpec.defaults(JupyterTools.packagedClasspath());
        runner.add(spec.java().toString());
        runner.addAll(spec.jvmArguments());
        runner.addAll(List.of("-cp", spec.classpath(), KernelSpec.MAIN_CLASS, "run", "sample.ipynb",
                "--output", scratch.resolve("runner").toString()));
        JupyterTools.Result run = JupyterTools.run(runner, work, Map.of(), 600);
        System.out.println(run.output());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("cell 8/8"), run.output());

        JsonObject byJupyter = read(scratch.resolve("nbconvert/sample.ipynb"));
        JsonObject byRunner = read(scratch.resolve("runner/sample.ipynb"));
        JsonArray jupyterCells = byJupyter.getAsJsonArray("cells");
        JsonArray runnerCells = byRunner.getAsJsonArray("cells");
        assertEquals(jupyterCells.size(), runnerCells.size());
        int compared = 0;
        for (int i = 0; i < jupyterCells.size(); i++) {
            JsonObject a = jupyterCells.get(i).getAsJsonObject();
            JsonObject b = runnerCells.get(i).getAsJsonObject();
            assertEquals(a.get("id"), b.get("id"), "cell ids are kept");
            if (!"code".equals(a.get("cell_type").getAsString())) {
                continue;
            }
            assertEquals(a.get("execution_count"), b.get("execution_count"), "execution count of cell " + (i + 1));
            assertEquals(normalize(a.get("outputs")), normalize(b.get("outputs")), "outputs of cell " + (i + 1));
            compared++;
        }
        assertEquals(8, compared);
        assertEquals(byJupyter.getAsJsonObject("metadata").get("language_info"),
                byRunner.getAsJsonObject("metadata").get("language_info"));

        // The training cell really showed a picture that was updated (not the empty first chart).
        JsonArray training = runnerCells.get(6).getAsJsonObject().getAsJsonArray("outputs");
        assertEquals("display_data", training.get(0).getAsJsonObject().get("output_type").getAsString());
        assertTrue(training.get(1).getAsJsonObject().get("text").toString().contains("epoch 5: loss"));
    }

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Joins nbformat's split lines, and blanks timings ("Wall time: ..."), which differ run to run. */
    static JsonElement normalize(JsonElement e) {
        if (e.isJsonArray()) {
            JsonArray array = e.getAsJsonArray();
            boolean lines = array.size() > 0;
            for (JsonElement item : array) {
                lines &= item.isJsonPrimitive() && item.getAsJsonPrimitive().isString();
            }
            if (lines) {
                StringBuilder joined = new StringBuilder();
                array.forEach(item -> joined.append(item.getAsString()));
                return normalize(new JsonPrimitive(joined.toString()));
            }
            JsonArray out = new JsonArray();
            array.forEach(item -> out.add(normalize(item)));
            return out;
        }
        if (e.isJsonObject()) {
            JsonObject out = new JsonObject();
            e.getAsJsonObject().entrySet().forEach(entry -> out.add(entry.getKey(), normalize(entry.getValue())));
            return out;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return new JsonPrimitive(e.getAsString().replaceAll("Wall time: [0-9.]+ [µm]?s", "Wall time: (timing)"));
        }
        return e;
    }
}
