package org.visionbook.toolkit.display;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of output in Jupyter's terms: MIME type to content, as nbformat stores it
 * (text for {@code text/*} and SVG, base64 for binary types such as {@code image/png}).
 * Immutable; build one with {@link #of(String)} and the {@code with...} methods.
 */
public record MimeBundle(Map<String, String> data) {

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    public static final String GIF = "image/gif";

    public MimeBundle {
        Objects.requireNonNull(data, "data");
        if (!data.containsKey(TEXT)) {
            throw new IllegalArgumentException("a MIME bundle needs a text/plain fallback; got " + data.keySet());
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A bundle holding only the plain-text fallback. */
    public static MimeBundle of(String plainText) {
        return new MimeBundle(Map.of(TEXT, plainText));
    }

    public MimeBundle with(String mimeType, String content) {
        Map<String, String> copy = new LinkedHashMap<>(data);
        copy.put(mimeType, content);
        return new MimeBundle(copy);
    }

    public MimeBundle withHtml(String html) {
        return with(HTML, html);
    }

    public MimeBundle withSvg(String svg) {
        return with(SVG, svg);
    }

    /** Adds binary content, base64-encoded as nbformat expects. */
    public MimeBundle withBinary(String mimeType, byte[] bytes) {
        return with(mimeType, Base64.getEncoder().encodeToString(bytes));
    }

    public MimeBundle withPng(byte[] png) {
        return withBinary(PNG, png);
    }

    public String plainText() {
        return data.get(TEXT);
    }
}
