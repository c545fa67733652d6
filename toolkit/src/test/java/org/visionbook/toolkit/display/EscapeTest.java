package org.visionbook.toolkit.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;

class EscapeTest {

    @Test
    void htmlEscapesEveryCharacterThatCouldOpenATagOrCloseAnAttribute() {
        assertEquals("&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;x &amp; y&lt;/b&gt;", Escape.html("<b a=\"1\" c='2'>x & y</b>"));
        assertEquals("plain text, é ✓", Escape.html("plain text, é ✓"));
    }

    @Test
    void quotedWritesTheShortEscapesPythonsJsonWritesAndUnicodeEscapesForOtherControls() {
        assertEquals("\"a \\\"b\\\" \\\\ c\\n\\r\\t\\b\\f\\u0001\\u001f\"", Escape.quoted("a \"b\" \\ c\n\r\t\b\f\u0001\u001f"));
        assertEquals("\"é ✓ \uD83D\uDE00\"", Escape.quoted("é ✓ \uD83D\uDE00"), "text and whole surrogate pairs stay as they are");
        assertEquals("\"x\\ud83dy\\ude00\"", Escape.quoted("x\uD83Dy\uDE00"), "lone surrogates are escaped");
    }

    @Test
    void aJsonParserReadsBackExactlyTheOriginal() {
        String nasty = "quote \" backslash \\ \\u0041 newline \n nul \u0000 bell \u0007 del \u007f lone \uD800 pair \uD83D\uDE00";
        assertEquals(nasty, new Gson().fromJson(Escape.quoted(nasty), String.class));
    }
}
