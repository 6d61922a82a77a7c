package org.figstream.loadtest.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU that other processes (a cluster's broker nodes) spend from {@link #start} to {@link
 * #stop}, by thread name, read from {@code /proc} every second. Each thread keeps its last reading,
 * so a thread that ends in between keeps the time it was seen to spend; what threads spent unseen
 * (started and ended between two readings, or after their last one) is the {@link ThreadCpu#ENDED}
 * row: the processes' totals moved by that much more than their threads' readings.
 */
final class NodeThreadCpu implements AutoCloseable {
  private final List<Long> pids;
  private final Map<String, ThreadCpu.Task> first = new HashMap<>();
  private final Map<String, ThreadCpu.Task> last = new HashMap<>();
  private final double totalAtStart;
  private final long startNanos = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;

  private NodeThreadCpu(List<Long> pids) {
    this.pids = List.copyOf(pids);
    first.putAll(read());
    last.putAll(first);
    this.totalAtStart = total();
    thread = new Thread(this::watch, "node-thread-cpu");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts reading the threads of {@code pids}; every process must be alive. */
  static NodeThreadCpu start(List<Long> pids) {
    return new NodeThreadCpu(pids);
  }

  /** Seconds since {@link #start}. */
  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * Stops reading: CPU seconds since {@link #start} by thread name (digits left out, so the nodes'
   * threads of one kind add up; the JIT's and the collector's threads by {@link ThreadCpu#group}),
   * with {@link ThreadCpu#ENDED}; together, the processes' CPU since {@link #start}. Fails when one
   * of the processes has ended.
   */
  Map<String, Double> stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
    synchronized (last) {
      last.putAll(read());
    }
    List<ThreadCpu.Task> spent = new ArrayList<>();
    for (Map.Entry<String, ThreadCpu.Task> e : last.entrySet()) {
      ThreadCpu.Task before = first.get(e.getKey());
      double since = e.getValue().cpuSeconds() - (before == null ? 0 : before.cpuSeconds());
      spent.add(new ThreadCpu.Task(e.getValue().name(), since));
    }
    return ThreadCpu.groups(spent, total() - totalAtStart, NodeThreadCpu::name);
  }

  /**
   * {@code threads} (from {@link #stop}) as a table headed by {@code side}: CPU-s, CPU-s a figure
   * of {@code figures}, and cores over the {@code seconds} watched, the costliest first.
   */
  static String table(String side, Map<String, Double> threads, double figures, double seconds) {
    StringBuilder t =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s: the nodes by thread (names without digits, the three nodes together), from"
                    + " the app's start to its exit, %.0f s:%n%n"
                    + "| threads | CPU-s | CPU-s a figure | cores over the window |%n|---|---|---|---|%n",
                side,
                seconds));
    threads.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(
            e ->
                t.append(
                    String.format(
                        Locale.ROOT,
                        "| `%s` | %.2f | %.5f | %.4f |%n",
                        e.getKey(),
                        e.getValue(),
                        e.getValue() / figures,
                        e.getValue() / seconds)));
    double all = threads.values().stream().mapToDouble(Double::doubleValue).sum();
    return t.append(
            String.format(
                Locale.ROOT, "| all | %.2f | %.5f | %.4f |%n%n", all, all / figures, all / seconds))
        .toString();
  }

  private static String name(String thread) {
    String group = ThreadCpu.group(thread);
    return group.equals("JIT compiler") || group.equals("garbage collector")
        ? group
        : thread.replaceAll("[0-9]", "");
  }

  private void watch() {
    while (running) {
      Map<String, ThreadCpu.Task> now = read();
      synchronized (last) {
        last.putAll(now);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Every live thread of the processes, keyed by process and thread id. */
  private Map<String, ThreadCpu.Task> read() {
    Map<String, ThreadCpu.Task> tasks = new HashMap<>();
    for (long pid : pids) {
      ThreadCpu.tasks(pid).forEach((tid, task) -> tasks.put(pid + "/" + tid, task));
    }
    return tasks;
  }

  private double total() {
    double sum = 0;
    for (long pid : pids) {
      double cpu = ThreadCpu.total(pid);
      if (cpu < 0) {
        throw new IllegalStateException("process " + pid + " has ended: its CPU cannot be read");
      }
      sum += cpu;
    }
    return sum;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
