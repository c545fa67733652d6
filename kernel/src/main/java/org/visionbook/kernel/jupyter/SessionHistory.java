package org.visionbook.kernel.jupyter;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs (and plain-text results) of this kernel session, for Jupyter's {@code history_request}:
 * consoles use it for the up-arrow and {@code %history}. Kept in memory only, so earlier sessions
 * have no history. Without it the base library sends no reply at all, and a client waits forever.
 */
final class SessionHistory implements HistoryManager {

    /** The number this session reports; requests may also say 0 for "the current session". */
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    /** Records one executed cell; {@code output} is its text/plain result, or null if it had none. */
    synchronized void record(int executionCount, String input, String output) {
        cells.add(new Cell(executionCount, input, output));
    }

    /** Cells numbered {@code start} (inclusive) to {@code stop} (exclusive; 0 or less: to the end). */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        List<HistoryEntry> found = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell.number() >= start && (stop <= 0 || cell.number() < stop)) {
                found.add(entry(cell, flags));
            }
        }
        return found;
    }

    /** The last {@code n} cells, oldest first. */
    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        List<HistoryEntry> found = new ArrayList<>();
        for (Cell cell : cells.subList(Math.max(0, cells.size() - Math.max(0, n)), cells.size())) {
            found.add(entry(cell, flags));
        }
        return found;
    }

    /**
     * The last {@code n} cells (0 or less: all) whose whole input matches the glob {@code pattern}
     * ({@code *} any text, {@code ?} one character), oldest first; with UNIQUE, each input once.
     */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int n, Set<ResultFlag> flags) {
        Pattern glob = glob(pattern == null ? "*" : pattern);
        Map<Object, Cell> matches = new LinkedHashMap<>();
        for (Cell cell : cells) {
            if (glob.matcher(cell.input()).matches()) {
                // with UNIQUE, a repeated input keeps only its latest occurrence
                Object key = flags.contains(ResultFlag.UNIQUE) ? cell.input() : cell;
                matches.remove(key);
                matches.put(key, cell);
            }
        }
        List<Cell> kept = new ArrayList<>(matches.values());
        if (n > 0 && kept.size() > n) {
            kept = kept.subList(kept.size() - n, kept.size());
        }
        List<HistoryEntry> found = new ArrayList<>();
        for (Cell cell : kept) {
            found.add(entry(cell, flags));
        }
        return Collections.unmodifiableList(found);
    }

    /**
     * {@code %history}: this session's inputs, numbered as Jupyter shows them. {@code args}: empty
     * for all, {@code N} for the last N, {@code A-B} for cells A to B.
     */
    synchronized void print(String args, PrintStream out) {
        String spec = args == null ? "" : args.strip();
        List<Cell> chosen;
        if (spec.isEmpty()) {
            chosen = List.copyOf(cells);
        } else if (spec.matches("\\d+")) {
            int n = Integer.parseInt(spec);
            chosen = List.copyOf(cells.subList(Math.max(0, cells.size() - n), cells.size()));
        } else if (spec.matches("\\d+-\\d+")) {
            int from = Integer.parseInt(spec.substring(0, spec.indexOf('-')));
            int to = Integer.parseInt(spec.substring(spec.indexOf('-') + 1));
            chosen = cells.stream().filter(c -> c.number() >= from && c.number() <= to).toList();
        } else {
            throw new IllegalArgumentException("use %history (all cells), %history N (the last N) or %history A-B (cells A to B)");
        }
        for (Cell cell : chosen) {
            String prefix = "In [" + cell.number() + "]: ";
            String indent = " ".repeat(prefix.length());
            out.println(prefix + cell.input().strip().replace("\n", "\n" + indent));
        }
    }

    private static HistoryEntry entry(Cell cell, Set<ResultFlag> flags) {
        // with INCLUDE_OUTPUT every entry is [input, output]; a cell without a result has ""
        String output = flags.contains(ResultFlag.INCLUDE_OUTPUT) ? (cell.output() == null ? "" : cell.output()) : null;
        return new HistoryEntry(SESSION, cell.number(), cell.input(), output);
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
