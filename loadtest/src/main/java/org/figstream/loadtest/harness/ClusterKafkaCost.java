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
 * run} on each chosen side ({@link KafkaSetup}), one after the other in one invocation: {@code
 * embedded}, its embedded broker (one broker in the app's JVM, topics unreplicated); {@code
 * cluster}, a fresh cluster of three broker processes on loopback ({@link LocalCluster}; topics
 * replicated 3 times, {@code min.insync.replicas} 2); {@code cluster-tls}, the same with every
 * listener SSL (clients, replication, the quorum), figstream and the harness's own consumer given
 * the cluster's truststore through {@code --kafka-config}. It reports, per figure, the brokers' CPU
 * (the embedded broker's threads; the three nodes' processes from the app's start to its exit), the
 * app's Kafka clients' threads, the rest of the app, and the rates; each side against the one
 * before it. The nodes run with the JVM the app runs with (the parallel collector, every JIT tier),
 * not the small test JVM.
 *
 * <pre>
 * java -cp 'loadtest/target/figstream-loadtest.jar:loadtest/target/lib/*' \
 *   org.figstream.loadtest.harness.ClusterKafkaCost loadtest/workloads/cluster-kafka.yaml RESULTS_DIR \
 *   [SIDES, default embedded,cluster; e.g. cluster,cluster-tls]
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
      KafkaSetup setup,
      double figures,
      double seconds,
      double brokers,
      double clients,
      double app) {
    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %.0f | %.1f | %.2f | %.4f | %.4f | %.4f | %.4f |",
          setup.label,
          figures,
          seconds,
          figures / seconds,
          brokers / figures,
          clients / figures,
          app / figures,
          (brokers + clients + app) / figures);
    }

    /** This side against {@code before}: the rate, and CPU a figure of each part and of all. */
    String against(Side before) {
      return String.format(
          Locale.ROOT,
          "%s/%s: rate %.2f; CPU a figure: brokers' %.2f, Kafka clients' %.2f, all %.2f",
          setup.arg,
          before.setup.arg,
          (figures / seconds) / (before.figures / before.seconds),
          (brokers / figures) / (before.brokers / before.figures),
          (clients / figures) / (before.clients / before.figures),
          ((brokers + clients + app) / figures)
              / ((before.brokers + before.clients + before.app) / before.figures));
    }
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    if (args.length < 2 || args.length > 3) {
      System.err.println(
          "usage: ClusterKafkaCost WORKLOAD.yaml RESULTS_DIR [SIDES: "
              + KafkaSetup.DEFAULT
              + " unless named; of embedded, cluster, cluster-tls]");
      System.exit(2);
    }
    List<KafkaSetup> setups = KafkaSetup.parse(args.length > 2 ? args[2] : KafkaSetup.DEFAULT);
    Workload w = Workload.read(Path.of(args[0]));
    Path dir = Path.of(args[1]);
    List<Side> sides = new ArrayList<>();
    StringBuilder nodes = new StringBuilder();
    for (KafkaSetup setup : setups) {
      Path in = dir.resolve(setup.arg);
      sides.add(setup.cluster() ? cluster(w, setup, in, nodes) : embedded(w, in));
    }
    String summary = summary(sides) + nodes;
    Files.writeString(dir.resolve("summary.md"), summary);
    System.out.println(summary);
  }

  /** The sides' table, then each side against the one before it. */
  static String summary(List<Side> sides) {
    StringBuilder s =
        new StringBuilder(
            "| Kafka | figures | seconds | figures/s | brokers' CPU-s a figure"
                + " | Kafka clients' | the rest of the app's | all |\n"
                + "|---|---|---|---|---|---|---|---|\n");
    sides.forEach(side -> s.append(side.row()).append('\n'));
    for (int i = 1; i < sides.size(); i++) {
      s.append(i == 1 ? "\n" : "").append(sides.get(i).against(sides.get(i - 1))).append('\n');
    }
    return s.append('\n').toString();
  }

  /**
   * The workload's arguments for a cluster at {@code bootstrap}: its topics replicated on every
   * node, made by figstream; through the client settings in {@code kafkaConfig} if not null.
   */
  static List<String> clusterArgs(List<String> workload, String bootstrap, Path kafkaConfig) {
    List<String> args = new ArrayList<>(workload);
    args.addAll(
        List.of(
            "--bootstrap-servers",
            bootstrap,
            "--replication-factor",
            String.valueOf(NODES),
            "--create-topics"));
    if (kafkaConfig != null) {
      args.addAll(List.of("--kafka-config", kafkaConfig.toString()));
    }
    return args;
  }

  private static Side embedded(Workload w, Path dir) throws Exception {
    try (ChildThreadCpu cpu = new ChildThreadCpu()) {
      RunResult run = checked(LoadHarness.run(w, dir, System.out));
      Map<String, Double> app = cpu.of("run");
      double broker = app.getOrDefault(BROKER, 0.0);
      double clients = app.getOrDefault(CLIENTS, 0.0);
      return side(KafkaSetup.EMBEDDED, run, broker, clients, sum(app) - broker - clients);
    }
  }

  private static Side cluster(Workload w, KafkaSetup setup, Path dir, StringBuilder report)
      throws Exception {
    String classpath = FigstreamChild.appJar().toAbsolutePath().toString();
    Path nodesDir = dir.resolve("nodes");
    try (LocalCluster nodes =
            setup.tls()
                ? LocalCluster.startTls(nodesDir, classpath, NODES, NODE_JVM)
                : LocalCluster.start(nodesDir, classpath, NODES, NODE_JVM);
        ChildThreadCpu cpu = new ChildThreadCpu()) {
      // a harness stopped by a signal must not leave three broker JVMs behind
      Thread stop = new Thread(nodes::close, "stop-cluster");
      Runtime.getRuntime().addShutdownHook(stop);
      List<Long> pids = new ArrayList<>();
      for (int id = 1; id <= nodes.size(); id++) {
        pids.add(nodes.pid(id));
      }
      // figstream and the harness's consumer read the cluster's TLS settings from this one file
      Path kafkaConfig =
          nodes.tls().isEmpty()
              ? null
              : nodes.tls().get().writeClientProperties(dir.resolve("kafka-client.properties"));
      List<String> args = clusterArgs(w.args(), nodes.bootstrapServers(), kafkaConfig);
      Workload onCluster = w.with(w.name() + "-" + setup.arg, args, w.jvm());
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
        report.append(NodeThreadCpu.table(setup.label, threads, run.last().figures(), window));
        Map<String, Double> app = cpu.of("run");
        double clients = app.getOrDefault(CLIENTS, 0.0);
        return side(setup, run, brokers, clients, sum(app) - clients);
      } finally {
        if (watch.get() != null) {
          watch.get().close();
        }
        Runtime.getRuntime().removeShutdownHook(stop);
      }
    }
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

  private static Side side(
      KafkaSetup setup, RunResult run, double brokers, double clients, double app) {
    double first = KafkaOverhead.firstEnrichment(run);
    return new Side(
        setup, run.last().figures(), run.caughtUpSeconds() - first, brokers, clients, app);
  }
}
