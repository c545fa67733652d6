package org.visionbook.grader.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.visionbook.toolkit.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A Jupyter notebook (nbformat 4). Immutable; transformations return new notebooks. Fields this
 * class does not interpret are kept, so a notebook read and written again loses nothing.
 */
public final class Notebook {

    /** The kernelspec name every course notebook declares. */
    public static final String JAVA_KERNEL = "java";

    private final ObjectNode json;
    private final List<Cell> cells;

    private Notebook(ObjectNode json, List<Cell> cells) {
        this.json = json;
        this.cells = List.copyOf(cells);
    }

    /** An empty nbformat 4.5 notebook for the java kernel. */
    public static Notebook empty() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        ObjectNode kernelspec = n.putObject("metadata").putObject("kernelspec");
        kernelspec.put("display_name", "Java");
        kernelspec.put("language", "java");
        kernelspec.put("name", JAVA_KERNEL);
        n.put("nbformat", 4);
        n.put("nbformat_minor", 5);
        return new Notebook(n, List.of());
    }

    /** Reads a notebook file; fails with the file name and what is wrong in it. */
    public static Notebook read(Path file) throws IOException, NotebookFormatException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotebookFormatException(file + ": not valid JSON: the file is not UTF-8 text", e);
        }
        return parse(text, file.toString());
    }

    /** Parses notebook JSON; {@code origin} names it in error messages. */
    public static Notebook parse(String text, String origin) throws NotebookFormatException {
        return fromJson(NotebookJson.parse(text, origin), origin);
    }

    static Notebook fromJson(JsonNode root, String origin) throws NotebookFormatException {
        if (!root.isObject()) {
            throw new NotebookFormatException(origin + ": a notebook must be a JSON object, got " + root.getNodeType());
        }
        ObjectNode copy = ((ObjectNode) root).deepCopy();
        JsonNode major = copy.get("nbformat");
        if (major == null || !major.canConvertToInt() || major.asInt() != 4) {
            throw new NotebookFormatException(origin + ": not an nbformat 4 notebook (nbformat = " + major + ")");
        }
        JsonNode minor = copy.get("nbformat_minor");
        if (minor == null || !minor.canConvertToInt() || minor.asInt() < 0) {
            throw new NotebookFormatException(origin + ": nbformat_minor must be an integer >= 0, got " + minor);
        }
        JsonNode metadata = copy.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            throw new NotebookFormatException(origin + ": the notebook has no metadata object");
        }
        JsonNode cellArray = copy.remove("cells");
        if (cellArray == null || !cellArray.isArray()) {
            throw new NotebookFormatException(origin + ": the notebook has no cells array");
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cellArray.size(); i++) {
            Cell cell = Cell.fromJson(cellArray.get(i), origin + ": cell " + i);
            Optional<String> id = cell.id();
            if (id.isPresent() && !ids.add(id.get())) {
                throw new NotebookFormatException(origin + ": cell " + i + ": duplicate cell id " + id.get());
            }
            cells.add(cell);
        }
        return new Notebook(copy, cells);
    }

    public List<Cell> cells() {
        return cells;
    }

    public Notebook withCells(List<Cell> newCells) {
        return new Notebook(json, newCells);
    }

    public Notebook mapCells(UnaryOperator<Cell> f) {
        List<Cell> mapped = new ArrayList<>(cells.size());
        cells.forEach(c -> mapped.add(f.apply(c)));
        return withCells(mapped);
    }

    /** The kernelspec name in the notebook's metadata, if any. */
    public Optional<String> kernelName() {
        JsonNode name = json.path("metadata").path("kernelspec").path("name");
        return name.isTextual() ? Optional.of(name.asText()) : Optional.empty();
    }

    public int formatMinor() {
        return json.get("nbformat_minor").asInt();
    }

    /** A copy of the notebook-level metadata. */
    public ObjectNode metadata() {
        return ((ObjectNode) json.get("metadata")).deepCopy();
    }

    /** The first cell with this grade_id. */
    public Optional<Cell> cellByGradeId(String gradeId) {
        return cells.stream().filter(c -> c.gradeId().filter(gradeId::equals).isPresent()).findFirst();
    }

    /**
     * This notebook as nbformat 4.5: every cell gets an id (from its grade_id where it has one,
     * else from its position), which the runner uses to put outputs back in the right cell.
     * Existing ids are kept. Deterministic: the same notebook gives the same ids.
     */
    public Notebook withCellIds() {
        Set<String> used = new HashSet<>();
        cells.forEach(c -> c.id().ifPresent(used::add));
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (c.id().isEmpty()) {
                String base = c.gradeId().map(Notebook::idFrom).orElse("cell-" + i);
                String id = base;
                for (int k = 2; !used.add(id); k++) {
                    id = base + "-" + k;
                }
                c = c.withId(id);
            }
            out.add(c);
        }
        ObjectNode copy = json.deepCopy();
        if (copy.get("nbformat_minor").asInt() < 5) {
            copy.put("nbformat_minor", 5);
        }
        return new Notebook(copy, out);
    }

    private static String idFrom(String gradeId) {
        StringBuilder sb = new StringBuilder();
        gradeId.chars().forEach(ch -> sb.append(Cell.validId(String.valueOf((char) ch)) ? (char) ch : '-'));
        String s = sb.toString();
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /** The whole notebook as JSON, with multi-line strings split into lines as nbformat stores them. */
    public ObjectNode toJson() {
        ObjectNode root = json.deepCopy();
        ArrayNode array = root.putArray("cells");
        for (Cell c : cells) {
            ObjectNode cell = c.toJson();
            cell.set("source", lines(cell.get("source").asText()));
            JsonNode outputs = cell.get("outputs");
            if (outputs != null) {
                for (JsonNode o : outputs) {
                    splitOutput((ObjectNode) o);
                }
            }
            array.add(cell);
        }
        return root;
    }

    private static void splitOutput(ObjectNode output) {
        String type = output.path("output_type").asText();
        if (type.equals("stream") && output.get("text") instanceof TextNode t) {
            output.set("text", lines(t.asText()));
        } else if (type.equals("display_data") || type.equals("execute_result")) {
            JsonNode data = output.get("data");
            if (data instanceof ObjectNode d) {
                List<String> keys = new ArrayList<>();
                d.fieldNames().forEachRemaining(keys::add);
                for (String mime : keys) {
                    boolean split = mime.startsWith("text/") || mime.equals("application/javascript")
                            || mime.equals("image/svg+xml");
                    if (split && d.get(mime) instanceof TextNode t) {
                        d.set(mime, lines(t.asText()));
                    }
                }
            }
        }
    }

    private static ArrayNode lines(String text) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        NotebookJson.splitLines(text).forEach(a::add);
        return a;
    }

    /** The notebook as Jupyter writes it: byte-for-byte the same for the same notebook. */
    public String toJsonText() {
        return NotebookJson.write(toJson());
    }

    /** Writes the notebook atomically (temporary file, then a move). */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJsonText());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Notebook n && n.json.equals(json) && n.cells.equals(cells);
    }

    @Override
    public int hashCode() {
        return json.hashCode() * 31 + cells.hashCode();
    }
}
