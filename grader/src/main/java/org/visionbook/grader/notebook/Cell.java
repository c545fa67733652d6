package org.visionbook.grader.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One notebook cell. Immutable: every {@code with...} method returns a new cell. Fields this class
 * does not know (attachments, tool-specific metadata) are kept as they were.
 */
public final class Cell {

    private final ObjectNode json;
    private final CellType type;
    private final Nbgrader nbgrader;

    private Cell(ObjectNode json, CellType type, Nbgrader nbgrader) {
        this.json = json;
        this.type = type;
        this.nbgrader = nbgrader;
    }

    /** A new code cell with no outputs. */
    public static Cell code(String id, String source) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("cell_type", "code");
        n.putNull("execution_count");
        n.put("id", id);
        n.putObject("metadata");
        n.putArray("outputs");
        n.put("source", source);
        return new Cell(n, CellType.CODE, null);
    }

    /** A new markdown cell. */
    public static Cell markdown(String id, String source) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("cell_type", "markdown");
        n.put("id", id);
        n.putObject("metadata");
        n.put("source", source);
        return new Cell(n, CellType.MARKDOWN, null);
    }

    /** Checks {@code node} against nbformat 4's cell schema and wraps a copy of it. */
    static Cell fromJson(JsonNode node, String where) throws NotebookFormatException {
        if (!node.isObject()) {
            throw new NotebookFormatException(where + ": a cell must be a JSON object, got " + node.getNodeType());
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        JsonNode typeNode = copy.get("cell_type");
        CellType type = typeNode == null ? null : CellType.fromJson(typeNode.asText()).orElse(null);
        if (type == null) {
            throw new NotebookFormatException(where + ": cell_type must be code, markdown or raw, got " + typeNode);
        }
        JsonNode metadata = copy.get("metadata");
        if (metadata == null) {
            throw new NotebookFormatException(where + ": the cell has no metadata object");
        }
        if (!metadata.isObject()) {
            throw new NotebookFormatException(where + ": metadata must be an object");
        }
        copy.put("source", joinedText(copy.get("source"), where + ": source"));
        JsonNode id = copy.get("id");
        if (id != null && !(id.isTextual() && validId(id.asText()))) {
            throw new NotebookFormatException(where + ": cell id must be 1-64 letters, digits, '-' or '_', got " + id);
        }
        if (type == CellType.CODE) {
            JsonNode outputs = copy.get("outputs");
            if (outputs == null || !outputs.isArray()) {
                throw new NotebookFormatException(where + ": a code cell needs an outputs array");
            }
            JsonNode count = copy.get("execution_count");
            if (count == null || !(count.isNull() || count.canConvertToInt())) {
                throw new NotebookFormatException(where + ": execution_count must be null or an integer");
            }
            for (int i = 0; i < outputs.size(); i++) {
                joinOutputText((ObjectNode) requireObject(outputs.get(i), where + ": output " + i), where + ": output " + i);
            }
        }
        Nbgrader nb = Nbgrader.from(metadata, where).orElse(null);
        return new Cell(copy, type, nb);
    }

    private static JsonNode requireObject(JsonNode n, String where) throws NotebookFormatException {
        if (!n.isObject()) {
            throw new NotebookFormatException(where + " must be an object");
        }
        return n;
    }

    /** Stream text and text-like MIME data may be stored as lists of lines; keep them as single strings. */
    private static void joinOutputText(ObjectNode output, String where) throws NotebookFormatException {
        JsonNode type = output.get("output_type");
        if (type == null || !type.isTextual()) {
            throw new NotebookFormatException(where + ": output_type is missing");
        }
        switch (type.asText()) {
            case "stream" -> output.put("text", joinedText(output.get("text"), where + ": text"));
            case "display_data", "execute_result" -> {
                JsonNode data = output.get("data");
                if (data == null || !data.isObject()) {
                    throw new NotebookFormatException(where + ": data must be an object");
                }
                ObjectNode d = (ObjectNode) data;
                List<String> keys = new ArrayList<>();
                d.fieldNames().forEachRemaining(keys::add);
                for (String mime : keys) {
                    JsonNode v = d.get(mime);
                    if (v.isArray() && !isJsonMime(mime) && allText(v)) {
                        d.put(mime, joinedText(v, where + ": " + mime));
                    }
                }
            }
            case "error" -> { }
            default -> throw new NotebookFormatException(where + ": unknown output_type " + type.asText());
        }
    }

    static boolean isJsonMime(String mime) {
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode e : array) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }

    static String joinedText(JsonNode node, String where) throws NotebookFormatException {
        if (node == null) {
            throw new NotebookFormatException(where + " is missing");
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode line : node) {
                if (!line.isTextual()) {
                    throw new NotebookFormatException(where + " must be a string or a list of strings");
                }
                sb.append(line.asText());
            }
            return sb.toString();
        }
        throw new NotebookFormatException(where + " must be a string or a list of strings, got " + node.getNodeType());
    }

    static boolean validId(String id) {
        return id.length() >= 1 && id.length() <= 64 && id.chars().allMatch(
                c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    public CellType type() {
        return type;
    }

    public boolean isCode() {
        return type == CellType.CODE;
    }

    /** The cell id (nbformat 4.5), or empty for older notebooks. */
    public Optional<String> id() {
        JsonNode id = json.get("id");
        return id == null ? Optional.empty() : Optional.of(id.asText());
    }

    /** The source as one string (nbformat may store it as a list of lines). */
    public String source() {
        return json.get("source").asText();
    }

    public Optional<Nbgrader> nbgrader() {
        return Optional.ofNullable(nbgrader);
    }

    /** The grade_id, if the cell has nbgrader metadata. */
    public Optional<String> gradeId() {
        return nbgrader().map(Nbgrader::gradeId);
    }

    /** A copy of the cell's metadata. */
    public ObjectNode metadata() {
        return ((ObjectNode) json.get("metadata")).deepCopy();
    }

    /** Copies of the outputs of a code cell; empty for other cells. */
    public List<JsonNode> outputs() {
        List<JsonNode> list = new ArrayList<>();
        JsonNode outputs = json.get("outputs");
        if (outputs != null) {
            outputs.forEach(o -> list.add(o.deepCopy()));
        }
        return list;
    }

    public Optional<Integer> executionCount() {
        JsonNode c = json.get("execution_count");
        return c == null || c.isNull() ? Optional.empty() : Optional.of(c.asInt());
    }

    public Cell withSource(String source) {
        ObjectNode copy = json.deepCopy();
        copy.put("source", Objects.requireNonNull(source, "source"));
        return new Cell(copy, type, nbgrader);
    }

    public Cell withId(String id) {
        if (!validId(id)) {
            throw new IllegalArgumentException("cell id must be 1-64 letters, digits, '-' or '_': " + id);
        }
        ObjectNode copy = json.deepCopy();
        copy.put("id", id);
        return new Cell(copy, type, nbgrader);
    }

    public Cell withNbgrader(Nbgrader metadata) {
        ObjectNode copy = json.deepCopy();
        ((ObjectNode) copy.get("metadata")).set("nbgrader", metadata.toJson());
        return new Cell(copy, type, metadata);
    }

    /** The cell as it is before it ever ran: no outputs, no execution count. Other cells are unchanged. */
    public Cell cleared() {
        if (type != CellType.CODE) {
            return this;
        }
        ObjectNode copy = json.deepCopy();
        copy.set("outputs", JsonNodeFactory.instance.arrayNode());
        copy.set("execution_count", NullNode.instance);
        return new Cell(copy, type, nbgrader);
    }

    /** This code cell with {@code outputs} in place of its own. */
    public Cell withOutputs(List<? extends JsonNode> outputs, Integer executionCount) {
        if (type != CellType.CODE) {
            throw new IllegalStateException("only code cells have outputs");
        }
        ObjectNode copy = json.deepCopy();
        ArrayNode array = copy.putArray("outputs");
        outputs.forEach(o -> array.add(o.deepCopy()));
        if (executionCount == null) {
            copy.putNull("execution_count");
        } else {
            copy.put("execution_count", executionCount);
        }
        return new Cell(copy, type, nbgrader);
    }

    /** A copy of the whole cell as JSON (sources and texts joined into single strings). */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && c.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return type.jsonName() + " cell " + id().orElse("?") + gradeId().map(g -> " (" + g + ")").orElse("");
    }
}
