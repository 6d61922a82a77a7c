package org.figstream.loadtest.harness;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU by thread group of this JVM's figstream children, read every second and kept by subcommand
 * ({@code enrich}, {@code run}): each thread's last reading, those of threads that have ended
 * included, is the child's account. A reading is two small files per thread, read in Java; it costs
 * the children nothing.
 */
final class ChildThreadCpu implements AutoCloseable {
  /** Every thread seen, by thread id, with its last reading: a thread that ends keeps its time. */
  private final Map<String, Map<Long, ThreadCpu.Task>> threads = new ConcurrentHashMap<>();

  private final Map<String, Double> totals = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  ChildThreadCpu() {
    thread = new Thread(this::watch, "child-thread-cpu");
    thread.setDaemon(true);
    thread.start();
  }

  /** CPU seconds by group of the child that ran {@code subcommand}; empty if none was seen. */
  Map<String, Double> of(String subcommand) {
    Map<Long, ThreadCpu.Task> seen = threads.get(subcommand);
    return seen == null ? Map.of() : ThreadCpu.groups(seen.values(), totals.get(subcommand));
  }

  private void watch() {
    while (running) {
      ProcessHandle.current()
          .children()
          .forEach(
              child -> {
                String sub = subcommand(child);
                Map<Long, ThreadCpu.Task> now = ThreadCpu.tasks(child.pid());
                double total = ThreadCpu.total(child.pid());
                if (sub != null && !now.isEmpty() && total >= 0) {
                  threads.computeIfAbsent(sub, s -> new ConcurrentHashMap<>()).putAll(now);
                  totals.put(sub, total);
                }
              });
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String subcommand(ProcessHandle child) {
    List<String> args = List.of(child.info().arguments().orElse(new String[0]));
    int jar = args.indexOf("-jar");
    return jar >= 0 && jar + 2 < args.size() ? args.get(jar + 2) : null;
  }

  /**
   * A markdown table of two children's CPU seconds per figure by group, and the difference: where
   * the second spends more.
   */
  static String table(Map<String, Double> a, long aFigures, Map<String, Double> b, long bFigures) {
    StringBuilder out =
        new StringBuilder("| thread group | enrich | pipeline | difference |\n|---|---|---|---|\n");
    TreeSet<String> groups = new TreeSet<>(a.keySet());
    groups.addAll(b.keySet());
    double sumA = 0;
    double sumB = 0;
    for (String g : groups) {
      double x = a.getOrDefault(g, 0.0) / aFigures;
      double y = b.getOrDefault(g, 0.0) / bFigures;
      sumA += x;
      sumB += y;
      out.append(row(g, x, y));
    }
    return out.append(row("all", sumA, sumB)).toString();
  }

  /** A markdown table of one child's CPU seconds per figure by group. */
  static String table(Map<String, Double> cpu, long figures) {
    StringBuilder out = new StringBuilder("| thread group | CPU-s per figure |\n|---|---|\n");
    double sum = 0;
    for (String g : new TreeSet<>(cpu.keySet())) {
      double x = cpu.get(g) / figures;
      sum += x;
      out.append(String.format(Locale.ROOT, "| %s | %.4f |%n", g, x));
    }
    return out.append(String.format(Locale.ROOT, "| all | %.4f |%n", sum)).toString();
  }

  private static String row(String group, double a, double b) {
    return String.format(Locale.ROOT, "| %s | %.4f | %.4f | %+.4f |%n", group, a, b, b - a);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
