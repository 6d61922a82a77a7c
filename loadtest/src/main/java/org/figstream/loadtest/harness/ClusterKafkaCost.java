package org.figstream.loadtest.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.figstream.broker.LocalCluster;

/**
 * What Kafka costs when it is a cluster: one backfill workload through the real {@code figstream
 * run} on its embedded broker (one broker in the app's JVM, topics unreplicated), then on a cluster
 * of three broker processes on loopback ({@link LocalCluster}; topics replicated 3 times, {@code
 * min.insync.replicas} 2), in one invocation. It reports, per figure, the brokers' CPU (the
 * embedded broker's threads; the three nodes' processes from the app's start to its exit), the
 * app's Kafka clients' threads, the rest of the app, and the rates. The nodes run with the JVM the
 * app runs with (the parallel collector, every JIT tier), not the small test JVM.
 *
 * <pre>
 * java -cp 'loadtest/target/figstream-loadtest.jar:loadtest/target/lib/*' \
 *   org.figstream.loadtest.harness.ClusterKafkaCost loadtest/workloads/cluster-kafka.yaml RESULTS_DIR
 * </pre>
 */
public final class ClusterKafkaCost {
  static final int NODES = 3;
  static final List<String> NODE_JVM = List.of("-Xmx1g", "-XX:+UseParallelGC");
  private static final String BROKER = "embedded broker";
  private static final String CLIENTS = "Kafka clients";

  private ClusterKafkaCost() {}

  /**
   * One side: figures, seconds from the first announcement to caught up, and CPU seconds of the
   * brokers, of the app's Kafka clients and of the rest of the app, over the app's whole life.
   */
  record Side(
      String name, double figures, double seconds, double brokers, double clients, double app) {
    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %.0f | %.1f | %.2f | %.4f | %.4f | %.4f | %.4f |",
          name,
          figures,
          seconds,
          figures / seconds,
          brokers / figures,
          clients / figures,
          app / figures,
          (brokers + clients + app) / figures);
    }
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Workload w = Workload.read(Path.of(args[0]));
    Path dir = Path.of(args[1]);
    Side embedded = embedded(w, dir.resolve("embedded"));
    StringBuilder nodes = new StringBuilder();
    Side cluster = cluster(w, dir.resolve("cluster"), nodes);
    String summary =
        String.join(
            "\n",
            "| Kafka | figures | seconds | figures/s | brokers' CPU-s a figure"
                + " | Kafka clients' | the rest of the app's | all |",
            "|---|---|---|---|---|---|---|---|",
            embedded.row(),
            cluster.row(),
            String.format(
                Locale.ROOT,
                "%nrate cluster/embedded %.2f; brokers' CPU a figure cluster/embedded %.2f%n",
                (cluster.figures() / cluster.seconds()) / (embedded.figures() / embedded.seconds()),
                (cluster.brokers() / cluster.figures())
                    / (embedded.brokers() / embedded.figures())),
            nodes.toString());
    Files.writeString(dir.resolve("summary.md"), summary);
    System.out.println(summary);
  }

  private static Side embedded(Workload w, Path dir) throws Exception {
    try (ChildThreadCpu cpu = new ChildThreadCpu()) {
      RunResult run = checked(LoadHarness.run(w, dir, System.out));
      Map<String, Double> app = cpu.of("run");
      double broker = app.getOrDefault(BROKER, 0.0);
      double clients = app.getOrDefault(CLIENTS, 0.0);
      return side(w.name(), run, broker, clients, sum(app) - broker - clients);
    }
  }

  private static Side cluster(Workload w, Path dir, StringBuilder report) throws Exception {
    String classpath = FigstreamChild.appJar().toAbsolutePath().toString();
    try (LocalCluster nodes = LocalCluster.start(dir.resolve("nodes"), classpath, NODES, NODE_JVM);
        ChildThreadCpu cpu = new ChildThreadCpu()) {
      // a harness stopped by a signal must not leave three broker JVMs behind
      Thread stop = new Thread(nodes::close, "stop-cluster");
      Runtime.getRuntime().addShutdownHook(stop);
      List<Long> pids = new ArrayList<>();
      for (int id = 1; id <= nodes.size(); id++) {
        pids.add(nodes.pid(id));
      }
      List<String> args = new ArrayList<>(w.args());
      args.addAll(
          List.of(
              "--bootstrap-servers",
              nodes.bootstrapServers(),
              "--replication-factor",
              String.valueOf(NODES),
              "--create-topics"));
      Workload onCluster = w.with(w.name() + "-cluster", args, w.jvm());
      AtomicReference<NodeThreadCpu> watch = new AtomicReference<>();
      try {
        RunResult run =
            checked(
                LoadHarness.run(
                    onCluster,
                    dir.resolve("run"),
                    System.out,
                    () -> watch.set(NodeThreadCpu.start(pids))));
        double window = watch.get().seconds();
        Map<String, Double> threads = watch.get().stop();
        double brokers = sum(threads);
        report.append(nodeTable(threads, run.last().figures(), window));
        Map<String, Double> app = cpu.of("run");
        double clients = app.getOrDefault(CLIENTS, 0.0);
        return side(onCluster.name(), run, brokers, clients, sum(app) - clients);
      } finally {
        if (watch.get() != null) {
          watch.get().close();
        }
        Runtime.getRuntime().removeShutdownHook(stop);
      }
    }
  }

  private static String nodeTable(Map<String, Double> threads, double figures, double seconds) {
    StringBuilder t =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "The nodes by thread (names without digits, the three nodes together), from the"
                    + " app's start to its exit, %.0f s:%n%n"
                    + "| threads | CPU-s | CPU-s a figure | cores over the window |%n|---|---|---|---|%n",
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
    double all = sum(threads);
    return t.append(
            String.format(
                Locale.ROOT, "| all | %.2f | %.5f | %.4f |%n", all, all / figures, all / seconds))
        .toString();
  }

  private static double sum(Map<String, Double> cpu) {
    return cpu.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static RunResult checked(RunResult run) {
    // the harness stops figstream with SIGTERM once it has caught up: 143 is that stop
    if (run.exitCode() != 0 && run.exitCode() != 143) {
      throw new IllegalStateException(
          run.workload().name() + ": figstream exited " + run.exitCode());
    }
    return run;
  }

  private static Side side(String name, RunResult run, double brokers, double clients, double app) {
    double first = KafkaOverhead.firstEnrichment(run);
    return new Side(
        name, run.last().figures(), run.caughtUpSeconds() - first, brokers, clients, app);
  }
}
