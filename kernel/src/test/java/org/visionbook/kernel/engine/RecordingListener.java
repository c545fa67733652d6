package org.visionbook.kernel.engine;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.List;

/** Collects what a cell sends, in order, for assertions. */
final class RecordingListener implements CellListener {

    record Event(String kind, String stream, String text, DisplayData data) {
    }

    final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void stream(String name, String text) {
        events.add(new Event("stream", name, text, null));
    }

    @Override
    public synchronized void display(DisplayData data) {
        events.add(new Event("display", null, null, data));
    }

    @Override
    public synchronized void updateDisplay(DisplayData data) {
        events.add(new Event("update", null, null, data));
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        events.add(new Event("clear", null, null, null));
    }

    synchronized String stdout() {
        return text(STDOUT);
    }

    synchronized String stderr() {
        return text(STDERR);
    }

    private String text(String stream) {
        StringBuilder b = new StringBuilder();
        for (Event e : events) {
            if (e.kind().equals("stream") && e.stream().equals(stream)) {
                b.append(e.text());
            }
        }
        return b.toString();
    }

    synchronized List<Event> of(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
