package org.visionbook.grader.grade;

import com.fasterxml.jackson.databind.JsonNode;
import org.visionbook.grader.notebook.NotebookFormatException;
import org.visionbook.grader.notebook.NotebookJson;
import org.visionbook.toolkit.check.ResultProtocol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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

    /** Reads every line the handle's file holds, from its start. */
    static RunRecords read(FileChannel results, byte[] key) throws IOException {
        long size = Math.min(results.size(), MAX_BYTES);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && results.read(buffer, buffer.position()) > 0) {
            // keep reading: a file channel may return fewer bytes than asked
        }
        return parse(new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1).lines().toList(), key);
    }

    /** Results beyond this size are not read: the harness writes a few kilobytes per graded cell. */
    static final long MAX_BYTES = 64L << 20;

    static RunRecords parse(List<String> lines, byte[] key) {
        List<CellRecord> cells = new ArrayList<>();
        boolean started = false;
        boolean ended = false;
        int rejected = 0;
        for (String line : lines) {
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
