package org.visionbook.grader.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.visionbook.toolkit.display.Escape;

/**
 * JSON in and out, the way Jupyter writes notebooks: keys sorted, one space of indent per level,
 * {@code ": "} between key and value, non-ASCII text as is, and a final newline. A notebook written
 * here and saved again by Jupyter shows no diff, and the same notebook always gives the same bytes.
 */
public final class NotebookJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private NotebookJson() {
    }

    /** Parses JSON text; the message of a failure names {@code origin} and the line and column. */
    public static JsonNode parse(String text, String origin) throws NotebookFormatException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new NotebookFormatException(origin + ": not valid JSON: the file is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new NotebookFormatException(origin + ": not valid JSON" + where + ": " + plain(e.getOriginalMessage()), e);
        }
    }

    /** Jackson's message without its source-location boilerplate. */
    private static String plain(String message) {
        return message.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll("\\s+at \\[Source: [^]]*]", "")
                .strip();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code node} as Jupyter would write it, ending with a newline. */
    public static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, 0, sb);
        return sb.append('\n').toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder sb) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                sb.append("{}");
                return;
            }
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            node.fields().forEachRemaining(entries::add);
            entries.sort(Map.Entry.comparingByKey());
            sb.append("{\n");
            for (int i = 0; i < entries.size(); i++) {
                indent(depth + 1, sb);
                string(entries.get(i).getKey(), sb);
                sb.append(": ");
                write(entries.get(i).getValue(), depth + 1, sb);
                sb.append(i + 1 < entries.size() ? ",\n" : "\n");
            }
            indent(depth, sb);
            sb.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            Iterator<JsonNode> it = node.elements();
            while (it.hasNext()) {
                indent(depth + 1, sb);
                write(it.next(), depth + 1, sb);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(depth, sb);
            sb.append(']');
        } else if (node.isTextual()) {
            string(node.asText(), sb);
        } else if (node.isFloatingPointNumber()) {
            sb.append(pythonFloat(node.asDouble()));
        } else if (node.isNumber() || node.isBoolean() || node.isNull()) {
            sb.append(node.asText());
        } else {
            throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " into a notebook");
        }
    }

    private static void indent(int depth, StringBuilder sb) {
        sb.append(" ".repeat(depth));
    }

    private static void string(String s, StringBuilder sb) {
        sb.append(Escape.quoted(s));
    }

    /** A double as Python's {@code repr} writes it (Jupyter is written in Python). */
    static String pythonFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String sign = bd.signum() < 0 ? "-" : "";
        String digits = bd.unscaledValue().abs().toString();
        int decpt = digits.length() - bd.scale();
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                return sign + "0." + "0".repeat(-decpt) + digits;
            }
            if (decpt >= digits.length()) {
                return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        int exp = decpt - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    /** Splits text into lines that keep their line ends, as nbformat stores multi-line strings. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
