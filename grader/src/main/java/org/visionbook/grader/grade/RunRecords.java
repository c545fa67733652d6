package org.visionbook.grader.grade;

import com.fasterxml.jackson.databind.JsonNode;
import org.visionbook.grader.notebook.NotebookFormatException;
import org.visionbook.grader.notebook.NotebookJson;
import org.visionbook.toolkit.check.ResultProtocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The signed results of one run, read back by the grader. Lines without a valid signature under
 * the run's key - whatever they say - are counted and otherwise ignored.
 *
 * @param cells    one record per graded cell that finished (normally or not)
 * @param started  true if the harness was armed (the first cell ran)
 * @param ended    true if the run reached its last cell
 * @param rejected lines that were not valid signed records
 */
record RunRecords(List<CellRecord> cells, boolean started, boolean ended, int rejected) {

    /** What the harness said about one graded cell. */
    record CellRecord(long seq, String gradeId, String nonce, boolean completed, String error, List<CheckResult> checks) {
    }

    static RunRecords read(Path results, byte[] key) throws IOException {
        List<CellRecord> cells = new ArrayList<>();
        boolean started = false;
        boolean ended = false;
        int rejected = 0;
        if (!Files.exists(results)) {
            return new RunRecords(cells, false, false, 0);
        }
        for (String line : Files.readAllLines(results, StandardCharsets.ISO_8859_1)) {
            if (line.isBlank()) {
                continue;
            }
            var payload = ResultProtocol.verify(key, line.strip());
            if (payload.isEmpty()) {
                rejected++;
                continue;
            }
            JsonNode n;
            try {
                n = NotebookJson.parse(payload.get(), "a result record");
            } catch (NotebookFormatException e) {
                rejected++;
                continue;
            }
            if (n.path("v").asInt() != ResultProtocol.VERSION) {
                rejected++;
                continue;
            }
            if (n.path("start").asBoolean(false)) {
                started = true;
                continue;
            }
            if (n.path("end").asBoolean(false)) {
                ended = true;
                continue;
            }
            List<CheckResult> checks = new ArrayList<>();
            for (JsonNode c : n.path("checks")) {
                double w = c.path("weight").isNumber() ? c.path("weight").asDouble() : 1;
                checks.add(new CheckResult(c.path("exercise").asText(), c.path("label").asText(), c.path("passed").asBoolean(),
                        w, c.path("detail").asText(), c.path("hint").asText()));
            }
            cells.add(new CellRecord(n.path("seq").asLong(), n.path("gradeId").asText(), n.path("nonce").asText(),
                    n.path("completed").asBoolean(), n.path("error").isTextual() ? n.path("error").asText() : null, checks));
        }
        return new RunRecords(cells, started, ended, rejected);
    }
}
