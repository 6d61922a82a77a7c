package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeThreadCpuTest {

  @Test
  void shouldKeepTheTimeOfAThreadThatEndedAndAccountForTheWholeProcess() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
    long pid = ProcessHandle.current().pid();
    double before = ThreadCpu.total(pid);
    NodeThreadCpu watch = NodeThreadCpu.start(List.of(pid));
    // lives past at least one reading, then ends before the last one
    Thread burner = new Thread(() -> burn(1500), "burner-42");
    burner.start();
    burner.join();
    Map<String, Double> spent = watch.stop();
    double total = ThreadCpu.total(pid) - before;

    // digits are left out of the name; what the burner spent after its last reading is ENDED
    assertThat(spent.get("burner-")).isPositive();
    assertThat(spent.get("burner-") + spent.get(ThreadCpu.ENDED)).isGreaterThanOrEqualTo(1.4);
    assertThat(spent.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(total, within(0.3));
  }

  /** Spins until this thread has had {@code millis} of CPU, however busy the machine is. */
  private static void burn(long millis) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
    long x = 0;
    while (threads.getCurrentThreadCpuTime() < end) {
      x += System.nanoTime() % 7;
    }
    if (x == 42) {
      System.out.println(x);
    }
  }
}
