package org.figstream.loadtest.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.figstream.broker.LocalCluster;

/**
 * What Kafka costs when it is a cluster: one backfill workload through the real {@code figstream
 * run} on its embedded broker (one broker in the app's JVM, topics unreplicated), then on a cluster
 * of three broker processes on loopback ({@link LocalCluster}; topics replicated 3 times, {@code
 * min.insync.replicas} 2), in one invocation. It reports the brokers' CPU per figure on each side
 * (the embedded broker's threads; the three nodes' whole processes), the app's own CPU per figure
 * beside them, and the rates. The cluster's nodes run with the JVM the app runs with (the parallel
 * collector, every JIT tier), not the small test JVM.
 *
 * <pre>
 * java -cp 'loadtest/target/figstream-loadtest.jar:loadtest/target/lib/*' \
 *   org.figstream.loadtest.harness.ClusterKafkaCost loadtest/workloads/backfill.yaml RESULTS_DIR
 * </pre>
 */
public final class ClusterKafkaCost {
  static final int NODES = 3;
  static final List<String> NODE_JVM = List.of("-Xmx1g", "-XX:+UseParallelGC");
  private static final String BROKER_GROUP = "embedded broker";

  private ClusterKafkaCost() {}

  /**
   * One side: figures, seconds from the first announcement to caught up, the brokers' and the app's
   * CPU seconds over their whole lives (start-up included), and the brokers' CPU before the app
   * started (their own start-up and idling, zero for the embedded broker, whose start-up is the
   * app's).
   */
  record Side(
      String name,
      double figures,
      double seconds,
      double brokerCpu,
      double brokerCpuBefore,
      double appCpu) {
    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %.0f | %.1f | %.2f | %.4f | %.4f | %.4f |",
          name,
          figures,
          seconds,
          figures / seconds,
          (brokerCpu - brokerCpuBefore) / figures,
          appCpu / figures,
          (brokerCpu - brokerCpuBefore + appCpu) / figures);
    }
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Workload w = Workload.read(Path.of(args[0]));
    Path dir = Path.of(args[1]);
    Side embedded = embedded(w, dir.resolve("embedded"));
    Map<String, Double> nodeThreads = new TreeMap<>();
    Side cluster = cluster(w, dir.resolve("cluster"), nodeThreads);
    String summary =
        String.join(
            "\n",
            "| Kafka | figures | seconds | figures/s | brokers' CPU-s a figure"
                + " | app's CPU-s a figure (without the embedded broker) | both |",
            "|---|---|---|---|---|---|---|",
            embedded.row(),
            cluster.row(),
            String.format(
                Locale.ROOT,
                "%nrate cluster/embedded %.2f; brokers' CPU a figure cluster/embedded %.2f;"
                    + " the cluster's nodes took %.1f CPU-s before the app started%n",
                (cluster.figures() / cluster.seconds()) / (embedded.figures() / embedded.seconds()),
                ((cluster.brokerCpu() - cluster.brokerCpuBefore()) / cluster.figures())
                    / (embedded.brokerCpu() / embedded.figures()),
                cluster.brokerCpuBefore()),
            "The cluster's nodes by thread (names without digits, the three nodes together), CPU-s"
                + " a figure while the app ran:",
            threadTable(nodeThreads, cluster.figures()));
    Files.writeString(dir.resolve("summary.md"), summary);
    System.out.println(summary);
  }

  private static Side embedded(Workload w, Path dir) throws Exception {
    try (ChildThreadCpu cpu = new ChildThreadCpu()) {
      RunResult run = checked(LoadHarness.run(w, dir, System.out));
      Map<String, Double> threads = cpu.of("run");
      double broker = threads.getOrDefault(BROKER_GROUP, 0.0);
      return side(w.name(), run, broker, 0, run.last().cpuSeconds() - broker);
    }
  }

  private static Side cluster(Workload w, Path dir, Map<String, Double> threads) throws Exception {
    String classpath = FigstreamChild.appJar().toAbsolutePath().toString();
    try (LocalCluster nodes =
        LocalCluster.start(dir.resolve("nodes"), classpath, NODES, NODE_JVM)) {
      double before = nodesCpu(nodes);
      Map<String, Double> threadsBefore = nodeThreads(nodes);
      List<String> args = new ArrayList<>(w.args());
      args.addAll(
          List.of(
              "--bootstrap-servers",
              nodes.bootstrapServers(),
              "--replication-factor",
              String.valueOf(NODES),
              "--create-topics"));
      Workload onCluster = w.with(w.name() + "-cluster", args, w.jvm());
      RunResult run = checked(LoadHarness.run(onCluster, dir.resolve("run"), System.out));
      double after = nodesCpu(nodes);
      nodeThreads(nodes).forEach((k, v) -> threads.put(k, v - threadsBefore.getOrDefault(k, 0.0)));
      return side(onCluster.name(), run, after, before, run.last().cpuSeconds());
    }
  }

  private static double nodesCpu(LocalCluster nodes) {
    double cpu = 0;
    for (int id = 1; id <= nodes.size(); id++) {
      cpu += ProcessStats.read(nodes.pid(id)).cpuSeconds();
    }
    return cpu;
  }

  /** CPU seconds of the nodes' live threads, by name without its digits, all nodes together. */
  private static Map<String, Double> nodeThreads(LocalCluster nodes) {
    Map<String, Double> byName = new TreeMap<>();
    for (int id = 1; id <= nodes.size(); id++) {
      ThreadCpu.tasks(nodes.pid(id))
          .values()
          .forEach(
              t -> byName.merge(t.name().replaceAll("[0-9]", ""), t.cpuSeconds(), Double::sum));
    }
    return byName;
  }

  private static String threadTable(Map<String, Double> threads, double figures) {
    StringBuilder t = new StringBuilder("| threads | CPU-s | CPU-s a figure |\n|---|---|---|\n");
    threads.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(15)
        .forEach(
            e ->
                t.append(
                    String.format(
                        Locale.ROOT,
                        "| `%s` | %.2f | %.5f |%n",
                        e.getKey(),
                        e.getValue(),
                        e.getValue() / figures)));
    return t.toString();
  }

  private static RunResult checked(RunResult run) {
    // the harness stops figstream with SIGTERM once it has caught up: 143 is that stop
    if (run.exitCode() != 0 && run.exitCode() != 143) {
      throw new IllegalStateException(
          run.workload().name() + ": figstream exited " + run.exitCode());
    }
    return run;
  }

  private static Side side(
      String name, RunResult run, double brokerCpu, double brokerBefore, double appCpu) {
    double first = KafkaOverhead.firstEnrichment(run);
    return new Side(
        name, run.last().figures(), run.caughtUpSeconds() - first, brokerCpu, brokerBefore, appCpu);
  }
}
