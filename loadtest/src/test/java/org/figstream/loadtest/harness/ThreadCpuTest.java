package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void shouldGroupThreadsByTheNamesLinuxKeeps() {
    assertThat(ThreadCpu.group("embed-text")).isEqualTo("caption encoder");
    assertThat(ThreadCpu.group("parallel-2")).isEqualTo("images (normalise, hash, detect)");
    assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo("JIT compiler");
    assertThat(ThreadCpu.group("figstream-datas")).isEqualTo("Parquet sink");
    assertThat(ThreadCpu.group("figstream-d0a2c")).isEqualTo("Kafka Streams");
    assertThat(ThreadCpu.group("data-plane-kafk")).isEqualTo("embedded broker");
    assertThat(ThreadCpu.group("kafka-scheduler")).isEqualTo("embedded broker");
    // "kafka-producer-network-thread | ...", "kafka-coordinator-heartbeat-thread | ...", cut
    assertThat(ThreadCpu.group("kafka-producer-")).isEqualTo("Kafka clients");
    assertThat(ThreadCpu.group("kafka-coordinat")).isEqualTo("Kafka clients");
    assertThat(ThreadCpu.group("kafka-admin-cli")).isEqualTo("Kafka clients");
    assertThat(ThreadCpu.group("Signal Dispatch")).isEqualTo("other");
  }

  @Test
  void shouldReadThisProcessesThreadsAndAccountForAllItsTime() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
    long pid = ProcessHandle.current().pid();
    Thread burner = new Thread(ThreadCpuTest::burn, "embed-text-test");
    burner.start();
    burner.join();
    Map<String, Double> groups = read(pid);
    double total = ProcessStats.cpuSeconds(Files.readString(Path.of("/proc/self/stat")));

    // the burner has ended: its half second is in the process's total only
    assertThat(groups.get(ThreadCpu.ENDED)).isGreaterThanOrEqualTo(0.4);
    assertThat(groups.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(total, within(0.5));
  }

  @Test
  void shouldCountALiveThreadInItsGroup() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
    Object parked = new Object();
    Thread burner =
        new Thread(
            () -> {
              burn();
              synchronized (parked) {
                try {
                  parked.wait();
                } catch (InterruptedException e) {
                  // done
                }
              }
            },
            "embed-text-live");
    burner.start();
    try {
      while (burner.getState() != Thread.State.WAITING) {
        Thread.sleep(10);
      }
      assertThat(read(ProcessHandle.current().pid()).get("caption encoder"))
          .isGreaterThanOrEqualTo(0.4);
    } finally {
      burner.interrupt();
      burner.join();
    }
  }

  private static Map<String, Double> read(long pid) {
    return ThreadCpu.groups(ThreadCpu.tasks(pid).values(), ThreadCpu.total(pid));
  }

  /** Half a second of CPU on the calling thread. */
  private static void burn() {
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    long x = 0;
    while (bean.getCurrentThreadCpuTime() < 500_000_000L) {
      for (int i = 0; i < 100_000; i++) {
        x += i * 31L ^ x;
      }
    }
    if (x == 42) {
      System.out.println(x);
    }
  }
}
