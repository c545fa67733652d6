package org.visionbook.kernel.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The text-only answer a console gets while JShell warms up must agree with JShell's own. */
class QuickCompletenessTest {

    static Engine engine;

    @BeforeAll
    static void start() {
        engine = Engine.start(EngineConfig.defaults().withImportToolkitPackages(false));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1 + 1",
        "int x = 1;",
        "int x = 1",
        "for (int i = 0; i < 3; i++) {",
        "for (int i = 0; i < 3; i++) {\n  System.out.println(i);\n}",
        "System.out.println(\"a {\" +",
        "var s = \"\"\"\n  text",
        "var s = \"\"\"\n  text\n  \"\"\";",
        "/* an open comment",
        "// only a comment",
        "Math.max(1,",
        "list.stream()\n    .map(x -> x)\n    .",
        "char c = '}';",
        "%time 1 + 1",
        "int[] a = {1, 2, 3};",
        "void f() {\n  if (true) {\n    return;\n  }\n}",
        "String s = \"a\\\"b\";",
    })
    void agreesWithJShell(String code) {
        assertEquals(engine.isComplete(code), QuickCompleteness.of(code), () -> "for: " + code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"int x = (1 + 2));", "String s = \"unterminated;"})
    void callsBrokenCodeInvalid(String code) {
        assertEquals(Engine.Completeness.INVALID, QuickCompleteness.of(code), () -> "for: " + code);
    }
}
