package org.figstream.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of {@link ClusterNode} processes on loopback (three in the tests and the load
 * harness), each broker and controller, its own log directory and ports, one cluster id. Starts
 * them together and returns once every node has said it is ready and the cluster lists all of them;
 * a node can be killed (SIGKILL) and restarted on its data. Each node's output goes to {@code
 * node-N.log} beside its directory. Its listeners are PLAINTEXT, or, started by {@link #startTls},
 * SSL for everything: clients, replication between the nodes and the KRaft quorum ({@link
 * ClusterTls}).
 */
public final class LocalCluster implements AutoCloseable {
  /**
   * A small heap, the serial collector and the first JIT tier only: nodes that start fast beside a
   * test's other processes on two cores.
   */
  public static final List<String> TEST_JVM =
      List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final Path dir;
  private final String classpath;
  private final String clusterId = Uuid.randomUuid().toString();
  private final List<ClusterNode.Ports> ports = new ArrayList<>();
  private final List<String> jvm;
  private final Process[] nodes;
  private final ClusterTls tls;

  private LocalCluster(Path dir, String classpath, int size, List<String> jvm, ClusterTls tls) {
    this.dir = dir;
    this.classpath = classpath;
    this.nodes = new Process[size];
    this.jvm = List.copyOf(jvm);
    this.tls = tls;
  }

  /**
   * Starts {@code size} nodes under {@code dir} with the JVM classpath {@code classpath}, each JVM
   * small and quick to start ({@link #TEST_JVM}), as tests want them.
   */
  public static LocalCluster start(Path dir, String classpath, int size) throws Exception {
    return start(dir, classpath, size, TEST_JVM);
  }

  /** As {@link #start(Path, String, int)}, each node's JVM with the options {@code jvm}. */
  public static LocalCluster start(Path dir, String classpath, int size, List<String> jvm)
      throws Exception {
    return start(new LocalCluster(dir, classpath, size, jvm, null));
  }

  /**
   * As {@link #start(Path, String, int, List)}, every listener SSL with a certificate made under
   * {@code dir/tls}; clients reach it with {@link #clientConfig()} or {@link #tls()}'s settings.
   */
  public static LocalCluster startTls(Path dir, String classpath, int size, List<String> jvm)
      throws Exception {
    ClusterTls tls = ClusterTls.forNodes(dir.resolve("tls"));
    return start(new LocalCluster(dir, classpath, size, jvm, tls));
  }

  private static LocalCluster start(LocalCluster cluster) throws Exception {
    int size = cluster.nodes.length;
    try {
      cluster.ports.addAll(ClusterNode.Ports.free(size));
      for (int id = 1; id <= size; id++) {
        cluster.launch(id);
      }
      for (int id = 1; id <= size; id++) {
        cluster.awaitReady(id);
      }
      cluster.awaitNodes(size);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return ports.stream().map(p -> "127.0.0.1:" + p.broker()).collect(Collectors.joining(","));
  }

  /** Client settings that reach the cluster: its addresses, and its TLS settings if it has them. */
  public Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(tls == null ? Map.of() : tls.clientProperties());
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return Map.copyOf(config);
  }

  /** The certificate and truststore of a cluster started by {@link #startTls}; else empty. */
  public Optional<ClusterTls> tls() {
    return Optional.ofNullable(tls);
  }

  /** SIGKILL: no clean shutdown, no chance to hand over leadership. */
  public void kill(int id) throws InterruptedException {
    nodes[id - 1].destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Starts a killed node again on its own data and ports, and waits until it is ready. */
  public void restart(int id) throws Exception {
    launch(id);
    awaitReady(id);
    awaitNodes(nodes.length);
  }

  /** The process id of node {@code id}, for reading its CPU time and memory. */
  public long pid(int id) {
    return nodes[id - 1].pid();
  }

  public int size() {
    return nodes.length;
  }

  public boolean alive(int id) {
    return nodes[id - 1].isAlive();
  }

  private void launch(int id) throws IOException {
    Path log = log(id);
    Files.writeString(log, ""); // a restart's ready line is the only one to wait for
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvm);
    command.addAll(
        List.of(
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            classpath,
            ClusterNode.class.getName(),
            String.valueOf(id),
            dir.resolve("node-" + id).toString(),
            clusterId,
            ports.stream()
                .map(p -> p.broker() + ":" + p.controller())
                .collect(Collectors.joining(","))));
    if (tls != null) {
      command.add(tls.nodeSettings().toString());
    }
    nodes[id - 1] =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  private Path log(int id) throws IOException {
    Files.createDirectories(dir);
    return dir.resolve("node-" + id + ".log");
  }

  private void awaitReady(int id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Path log = log(id);
    while (!Files.readString(log, StandardCharsets.UTF_8).contains(ClusterNode.READY)) {
      if (!nodes[id - 1].isAlive()) {
        throw new IllegalStateException(
            "cluster node " + id + " exited: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("cluster node " + id + " did not start, see " + log);
      }
      Thread.sleep(200);
    }
  }

  private void awaitNodes(int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (Admin admin = Admin.create(clientConfig())) {
      while (admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size() < count) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the cluster does not list " + count + " nodes");
        }
        Thread.sleep(200);
      }
    }
  }

  /** SIGTERM every node still running (a clean shutdown), then SIGKILL what is left. */
  @Override
  public void close() {
    for (Process node : nodes) {
      if (node != null) {
        node.destroy();
      }
    }
    for (Process node : nodes) {
      if (node != null) {
        try {
          if (!node.waitFor(30, TimeUnit.SECONDS)) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          node.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
