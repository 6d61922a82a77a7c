package org.figstream.loadtest.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A process's CPU time by thread group, from Linux's /proc (empty elsewhere): which part of
 * figstream spent it. Threads are grouped by the names figstream, Kafka, ONNX Runtime's pools (they
 * inherit the name of the thread that made them) and the JVM give them; Linux keeps 15 characters
 * of a name. What threads that ended unseen spent is only in the process's total: it is the group
 * {@code ended threads}.
 */
final class ThreadCpu {
  static final String ENDED = "ended threads";

  /** Name prefixes and their groups, first match wins. */
  private static final List<Map.Entry<String, String>> GROUPS =
      List.of(
          Map.entry("embed-text", "caption encoder"),
          Map.entry("embed-image", "image encoder"),
          Map.entry("parallel-", "images (normalise, hash, detect)"),
          Map.entry("C1 CompilerThre", "JIT compiler"),
          Map.entry("C2 CompilerThre", "JIT compiler"),
          Map.entry("GC Thread", "garbage collector"),
          Map.entry("G1 ", "garbage collector"),
          Map.entry("reactor-http-", "HTTP (bucket fetches, /metrics)"),
          Map.entry("figstream-datas", "Parquet sink"),
          Map.entry("figstream-feed", "feed"),
          Map.entry("figstream-enric", "enrichment stage's Kafka loop"),
          Map.entry("figstream-progr", "progress reporter"),
          // what is left of a Kafka Streams thread's name, figstream-<uuid>-StreamThread-n
          Map.entry("figstream-", "Kafka Streams"),
          // the app's own Kafka clients, whose names also begin "kafka-": before the broker's
          Map.entry("kafka-producer-", "Kafka clients"),
          Map.entry("kafka-admin-cli", "Kafka clients"),
          Map.entry("kafka-coordinat", "Kafka clients"),
          Map.entry("data-plane-kafk", "embedded broker"),
          Map.entry("kafka-", "embedded broker"),
          Map.entry("group-coordinat", "embedded broker"),
          Map.entry("share-coordinat", "embedded broker"),
          Map.entry("quorum-controll", "embedded broker"),
          Map.entry("ExpirationReape", "embedded broker"),
          Map.entry("executor-", "embedded broker"),
          Map.entry("java", "main thread"));

  private ThreadCpu() {}

  /** The group of a thread named {@code name} (as /proc shows it). */
  static String group(String name) {
    for (Map.Entry<String, String> g : GROUPS) {
      if (name.startsWith(g.getKey())) {
        return g.getValue();
      }
    }
    return "other";
  }

  /** A thread as /proc shows it: its name (15 characters at most) and CPU seconds so far. */
  record Task(String name, double cpuSeconds) {}

  /**
   * CPU seconds by group of {@code tasks}; what {@code total} has beyond them is {@link #ENDED}.
   */
  static Map<String, Double> groups(Collection<Task> tasks, double total) {
    return groups(tasks, total, ThreadCpu::group);
  }

  /** As {@link #groups(Collection, double)}, each thread's name grouped by {@code group}. */
  static Map<String, Double> groups(
      Collection<Task> tasks, double total, Function<String, String> group) {
    Map<String, Double> groups = new TreeMap<>();
    double seen = 0;
    for (Task t : tasks) {
      seen += t.cpuSeconds();
      groups.merge(group.apply(t.name()), t.cpuSeconds(), Double::sum);
    }
    groups.put(ENDED, Math.max(0, total - seen));
    return groups;
  }

  /** Process {@code pid}'s live threads by thread id; empty if it cannot be read. */
  static Map<Long, Task> tasks(long pid) {
    Map<Long, Task> tasks = new HashMap<>();
    try (Stream<Path> dirs = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : (Iterable<Path>) dirs::iterator) {
        try {
          double cpu = ProcessStats.cpuSeconds(Files.readString(task.resolve("stat")));
          String name = Files.readString(task.resolve("comm")).strip();
          tasks.put(Long.parseLong(task.getFileName().toString()), new Task(name, cpu));
        } catch (IOException e) {
          // the thread ended while the folder was read: its time is in the process's total
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return tasks;
  }

  /** The process's CPU seconds, its ended threads' included; -1 if it cannot be read. */
  static double total(long pid) {
    try {
      return ProcessStats.cpuSeconds(
          Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
