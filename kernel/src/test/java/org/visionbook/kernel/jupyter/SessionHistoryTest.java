package org.visionbook.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionHistoryTest {

    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);

    private final SessionHistory history = new SessionHistory();

    @BeforeEach
    void fourCells() {
        history.record(1, "int x = 6;", null);
        history.record(2, "x * 7", "42");
        history.record(3, "System.out.println(x);", null);
        history.record(4, "x * 7", "42");
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    @Test
    void theHistoryMagicPrintsAllTheLastNOrARangeOfInputs() {
        assertEquals("In [1]: int x = 6;\nIn [2]: x * 7\nIn [3]: System.out.println(x);\nIn [4]: x * 7\n", printed(""));
        assertEquals("In [3]: System.out.println(x);\nIn [4]: x * 7\n", printed("2"));
        assertEquals("In [2]: x * 7\nIn [3]: System.out.println(x);\n", printed("2-3"));
        history.record(5, "for (int i = 0; i < 2; i++) {\n    x++;\n}", null);
        assertEquals("In [5]: for (int i = 0; i < 2; i++) {\n            x++;\n        }\n", printed("1"));
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> printed("-x"));
        assertTrue(bad.getMessage().contains("%history N"), bad.getMessage());
    }

    private String printed(String args) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        history.print(args, new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theTailIsTheLastCellsOldestFirst() {
        assertEquals(List.of("System.out.println(x);", "x * 7"), inputs(history.lookupTail(2, NONE)));
        assertEquals(4, history.lookupTail(10, NONE).size());
        assertEquals(List.of(), history.lookupTail(0, NONE));
    }

    @Test
    void aRangeIsByCellNumberWithAnExclusiveStopAndSessionZeroMeaningThisOne() {
        List<HistoryEntry> range = history.lookupRange(SessionHistory.SESSION, 2, 4, NONE);
        assertEquals(List.of("x * 7", "System.out.println(x);"), inputs(range));
        assertEquals(2, range.get(0).getCellNumber());
        assertEquals(SessionHistory.SESSION, range.get(0).getSession());
        assertEquals(3, history.lookupRange(0, 2, 0, NONE).size(), "stop 0 means to the end");
        assertEquals(List.of(), history.lookupRange(-1, 1, 0, NONE), "earlier sessions are not kept");
    }

    @Test
    void outputsComeOnlyWhenAskedForAndCellsWithoutAResultGiveEmptyText() {
        assertFalse(history.lookupTail(1, NONE).get(0).hasOutput());
        List<HistoryEntry> withOutput = history.lookupTail(4, EnumSet.of(ResultFlag.INCLUDE_OUTPUT));
        assertEquals("", withOutput.get(0).getOutput());
        assertEquals("42", withOutput.get(1).getOutput());
    }

    @Test
    void searchMatchesTheWholeInputAgainstAGlob() {
        assertEquals(List.of("x * 7", "x * 7"), inputs(history.search("x ? 7", 0, NONE)));
        assertEquals(List.of("int x = 6;", "System.out.println(x);"), inputs(history.search("*;", 0, NONE)));
        assertEquals(List.of(), inputs(history.search("x", 0, NONE)), "a pattern must match the whole input");
        assertEquals(List.of("System.out.println(x);", "x * 7"), inputs(history.search("*", 2, NONE)));
    }

    @Test
    void uniqueSearchKeepsTheLatestOccurrenceOfEachInput() {
        List<HistoryEntry> unique = history.search("*", 0, EnumSet.of(ResultFlag.UNIQUE));
        assertEquals(List.of("int x = 6;", "System.out.println(x);", "x * 7"), inputs(unique));
        assertEquals(4, unique.get(2).getCellNumber());
    }

    @Test
    void globCharactersThatMeanSomethingToRegexAreTakenLiterally() {
        assertTrue(SessionHistory.glob("a.b(*)").matcher("a.b(c)").matches());
        assertFalse(SessionHistory.glob("a.b").matcher("axb").matches());
    }
}
