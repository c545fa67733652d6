package org.visionbook.kernel.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.visionbook.toolkit.io.AtomicFiles;

/**
 * Reading and writing notebooks in nbformat 4 JSON, the way Jupyter does: multi-line text split
 * into lists of lines, keys sorted, one-space indents, so notebooks the runner writes diff cleanly
 * against notebooks saved by Jupyter. Writes are atomic: a temporary file next to the target,
 * then a move, so a failure never leaves a half-written notebook.
 */
public final class NotebookFiles {

    private NotebookFiles() {
    }

    /** Reads and checks a notebook; problems name the file and what is wrong. */
    public static JsonObject read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read notebook " + file + ": " + e.getMessage(), e);
        }
        JsonObject nb;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException(file + " is not a notebook: its JSON is not an object");
            }
            nb = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not a notebook: invalid JSON (" + e.getMessage() + ")", e);
        }
        validate(nb, file.toString());
        return nb;
    }

    static void validate(JsonObject nb, String name) {
        JsonElement major = nb.get("nbformat");
        if (major == null || !major.isJsonPrimitive() || major.getAsInt() != 4) {
            throw new IllegalArgumentException(name + " is not an nbformat 4 notebook (nbformat is " + major
                    + "); open and save it in Jupyter to upgrade it");
        }
        JsonElement cells = nb.get("cells");
        if (cells == null || !cells.isJsonArray()) {
            throw new IllegalArgumentException(name + " has no \"cells\" list");
        }
        int index = 0;
        for (JsonElement c : cells.getAsJsonArray()) {
            index++;
            if (!c.isJsonObject() || !c.getAsJsonObject().has("cell_type")) {
                throw new IllegalArgumentException(name + ": cell " + index + " has no \"cell_type\"");
            }
            JsonElement source = c.getAsJsonObject().get("source");
            if (source != null && !(source.isJsonArray() || (source.isJsonPrimitive() && source.getAsJsonPrimitive().isString()))) {
                throw new IllegalArgumentException(name + ": cell " + index + " has a \"source\" that is neither text nor a list of lines");
            }
        }
        if (!nb.has("metadata") || !nb.get("metadata").isJsonObject()) {
            nb.add("metadata", new JsonObject());
        }
    }

    /** A cell's source as one string (nbformat allows a string or a list of lines). */
    public static String text(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (value.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonElement line : value.getAsJsonArray()) {
                b.append(line.getAsString());
            }
            return b.toString();
        }
        return value.getAsString();
    }

    /** Brings a 4.x notebook to 4.5: every cell gets an id. */
    static void upgradeToMinor5(JsonObject nb) {
        int minor = nb.has("nbformat_minor") ? nb.get("nbformat_minor").getAsInt() : 0;
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.has("id")) {
                cell.addProperty("id", UUID.randomUUID().toString().replace("-", "").substring(0, 8));
            }
        }
        if (minor < 5) {
            nb.addProperty("nbformat_minor", 5);
        }
    }

    /**
     * Writes {@code nb} to {@code target} atomically, in Jupyter's layout. A new file gets the
     * permissions any program's new file gets (the umask applies); a file that is replaced keeps
     * its permissions.
     */
    public static void write(JsonObject nb, Path target) throws IOException {
        AtomicFiles.writeString(target, toJson(nb));
    }

    /** The JSON text Jupyter would save for {@code nb}. */
    public static String toJson(JsonObject nb) {
        JsonObject copy = nb.deepCopy();
        splitLines(copy);
        StringWriter out = new StringWriter();
        try (JsonWriter writer = new JsonWriter(out)) {
            writer.setIndent(" ");
            writer.setHtmlSafe(false);
            writeSorted(writer, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void writeSorted(JsonWriter w, JsonElement e) throws IOException {
        if (e == null || e.isJsonNull()) {
            w.nullValue();
        } else if (e.isJsonObject()) {
            w.beginObject();
            Map<String, JsonElement> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                sorted.put(entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, JsonElement> entry : sorted.entrySet()) {
                w.name(entry.getKey());
                writeSorted(w, entry.getValue());
            }
            w.endObject();
        } else if (e.isJsonArray()) {
            w.beginArray();
            for (JsonElement item : e.getAsJsonArray()) {
                writeSorted(w, item);
            }
            w.endArray();
        } else {
            com.google.gson.JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                w.value(p.getAsBoolean());
            } else if (p.isNumber()) {
                w.value(p.getAsNumber());
            } else {
                w.value(p.getAsString());
            }
        }
    }

    /** As nbformat's writer: sources, stream text and text-like outputs become lists of lines. */
    private static void splitLines(JsonObject nb) {
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            splitField(cell, "source");
            if (cell.has("outputs") && cell.get("outputs").isJsonArray()) {
                for (JsonElement o : cell.getAsJsonArray("outputs")) {
                    JsonObject output = o.getAsJsonObject();
                    String type = output.has("output_type") ? output.get("output_type").getAsString() : "";
                    if (type.equals("stream")) {
                        splitField(output, "text");
                    } else if ((type.equals("display_data") || type.equals("execute_result")) && output.has("data")) {
                        JsonObject data = output.getAsJsonObject("data");
                        for (String key : new ArrayList<>(data.keySet())) {
                            if (key.startsWith("text/") || key.equals("application/javascript") || key.equals("image/svg+xml")) {
                                splitField(data, key);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void splitField(JsonObject o, String key) {
        JsonElement v = o.get(key);
        if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
            JsonArray lines = new JsonArray();
            splitKeepingEnds(v.getAsString()).forEach(lines::add);
            o.add(key, lines);
        }
    }

    static List<String> splitKeepingEnds(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }
}
