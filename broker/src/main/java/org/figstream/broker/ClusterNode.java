package org.figstream.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * One node of a local multi-broker KRaft cluster, run as its own process: broker and controller in
 * one, listening on loopback only, voting in a static controller quorum of every node of the
 * cluster. What the scale-out test and {@code loadtest/scripts/cluster-run.sh} start three of.
 *
 * <pre>
 * java -cp ... org.figstream.broker.ClusterNode NODE_ID DIR CLUSTER_ID PORTS [TLS]
 * </pre>
 *
 * {@code PORTS} lists every node's broker and controller port, node 1 first: {@code
 * 9092:9093,9094:9095,9096:9097}. {@code DIR} is formatted with {@code CLUSTER_ID} on the first
 * start; a restart on the same directory rejoins with its data. The node prints {@value #READY} and
 * its bootstrap address on stdout once it has started, and shuts down cleanly on SIGTERM. {@code
 * TLS}, a properties file of {@link ClusterTls#nodeProperties()}, makes both listeners SSL (see
 * {@link ClusterTls#secure}); without it they are PLAINTEXT.
 */
public final class ClusterNode {
  /** The line a started node prints, followed by its broker address. */
  public static final String READY = "cluster node ready at ";

  private ClusterNode() {}

  /** A node's two ports. */
  public record Ports(int broker, int controller) {
    /** Free loopback ports for {@code size} nodes, two a node, all different. */
    static List<Ports> free(int size) {
      Set<Integer> taken = new HashSet<>();
      List<Ports> ports = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        ports.add(new Ports(freePort(taken), freePort(taken)));
      }
      return ports;
    }

    private static int freePort(Set<Integer> taken) {
      while (true) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          if (taken.add(s.getLocalPort())) {
            return s.getLocalPort();
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4 && args.length != 5) {
      System.err.println("usage: ClusterNode NODE_ID DIR CLUSTER_ID BROKER:CONTROLLER,... [TLS]");
      System.exit(2);
    }
    int nodeId = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    String clusterId = args[2];
    List<Ports> ports = parsePorts(args[3]);
    Properties props = config(nodeId, dir, ports);
    if (args.length == 5) {
      ClusterTls.secure(props, ClusterTls.read(Path.of(args[4])));
    }
    Files.createDirectories(dir);
    if (!Files.exists(dir.resolve("logs/meta.properties"))) {
      format(dir, props, clusterId);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    CountDownLatch down = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  server.awaitShutdown();
                  down.countDown();
                },
                "cluster-node-shutdown"));
    server.startup();
    System.out.println(READY + "127.0.0.1:" + ports.get(nodeId - 1).broker());
    System.out.flush();
    down.await();
  }

  /** {@code 9092:9093,9094:9095,...}: node 1's broker and controller ports first. */
  public static List<Ports> parsePorts(String spec) {
    List<Ports> ports = new ArrayList<>();
    for (String node : spec.split(",")) {
      String[] pair = node.split(":");
      ports.add(new Ports(Integer.parseInt(pair[0]), Integer.parseInt(pair[1])));
    }
    return ports;
  }

  /** The node's configuration: replicated defaults for a three-node cluster. */
  static Properties config(int nodeId, Path dir, List<Ports> ports) {
    Ports own = ports.get(nodeId - 1);
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      voters.add((i + 1) + "@127.0.0.1:" + ports.get(i).controller());
    }
    int replicas = Math.min(3, ports.size());
    Properties p =
        EmbeddedBroker.loopbackNode(nodeId, own.broker(), own.controller(), dir, replicas);
    p.put("controller.quorum.voters", String.join(",", voters));
    p.put("default.replication.factor", String.valueOf(replicas));
    p.put("min.insync.replicas", String.valueOf(Math.max(1, replicas - 1)));
    p.put("offsets.topic.num.partitions", "6");
    p.put("transaction.state.log.num.partitions", "6");
    // a killed node is fenced (its partitions led elsewhere) after 6 s rather than 9
    p.put("broker.heartbeat.interval.ms", "1000");
    p.put("broker.session.timeout.ms", "6000");
    return p;
  }

  private static void format(Path dir, Properties props, String clusterId) {
    Path file = dir.resolve("server.properties");
    try (Writer out = Files.newBufferedWriter(file)) {
      props.store(out, "cluster node");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int code =
        StorageTool.execute(
            new String[] {"format", "-t", clusterId, "-c", file.toString(), "--ignore-formatted"},
            new PrintStream(log, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new IllegalStateException(
          "formatting " + dir + " failed: " + log.toString(StandardCharsets.UTF_8));
    }
  }
}
