package org.visionbook.toolkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.nd4j.nativeblas.NativeOpsHolder;

/** OpenMP keeps its thread count per thread; a notebook cell runs on another thread than the kernel's setup. */
class ThreadsOnOtherThreadsTest {

    private static int ompThreads() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    @Test
    void aThreadThatConfiguresGetsTheChosenOpenMpThreadCount() throws InterruptedException {
        int before = Performance.configureThreads();
        try {
            Performance.useThreads(1);
            AtomicInteger seen = new AtomicInteger(-1);
            Thread cell = new Thread(() -> {
                Performance.configureThreads(); // what Trainer.fit does through Performance.accelerate
                seen.set(ompThreads());
            });
            cell.start();
            cell.join();
            assertEquals(1, seen.get(), "OpenMP threads on a thread that called configureThreads()");
        } finally {
            Performance.useThreads(before);
        }
    }
}
