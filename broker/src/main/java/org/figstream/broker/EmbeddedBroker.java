package org.figstream.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * The embedded default: a single-node KRaft broker (broker and controller in one) inside
 * figstream's JVM, listening on loopback only, its logs under the data directory. The ports chosen
 * on the first start are kept beside the logs, so a restart finds its own quorum again and its data
 * with it.
 */
public final class EmbeddedBroker implements AutoCloseable {
  /** How long a start waits for the coordinators to finish what they were finishing. */
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private List<OrphanedTransactions.Orphan> finished = List.of();

  private EmbeddedBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts (formatting {@code dir} on first use) and returns once the broker answers. */
  public static EmbeddedBroker start(Path dir) {
    return start(dir, props -> {});
  }

  /**
   * As {@link #start(Path)}, with the broker's properties changed before the first format and every
   * start: the tests of figstream as a client of a secured cluster add a SASL_SSL listener this way
   * (PLAINTEXT stays for the controller, the inter-broker traffic and {@link #clientConfig()}).
   */
  public static EmbeddedBroker start(Path dir, Consumer<Properties> customize) {
    try {
      Files.createDirectories(dir);
      Properties props = config(dir, ports(dir));
      customize.accept(props);
      if (!Files.exists(dir.resolve("logs/meta.properties"))) {
        format(dir, props);
      }
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      // the PLAINTEXT listener's address, whatever other listeners a customisation advertised
      String plaintext =
          Arrays.stream(props.getProperty("advertised.listeners").split(","))
              .filter(l -> l.startsWith("PLAINTEXT://"))
              .findFirst()
              .orElseThrow()
              .substring("PLAINTEXT://".length());
      EmbeddedBroker broker = new EmbeddedBroker(server, plaintext);
      broker.awaitReady(Duration.ofSeconds(60));
      broker.finishOrphans();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded broker in " + dir, e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The PLAINTEXT listener's address ({@link #bootstrapServers} as a socket address). */
  public InetSocketAddress address() {
    int colon = bootstrapServers.lastIndexOf(':');
    return new InetSocketAddress(
        bootstrapServers.substring(0, colon),
        Integer.parseInt(bootstrapServers.substring(colon + 1)));
  }

  /** Client settings that reach this broker. */
  public Map<String, Object> clientConfig() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }

  private void awaitReady(Duration timeout) {
    try (Admin admin = Admin.create(clientConfig())) {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      close();
      throw new IllegalStateException("the embedded broker did not come up: " + e.getMessage(), e);
    }
  }

  /**
   * The transactions this start committed or aborted because a hard stop had left them open on
   * their partitions after their coordinator finished them (see {@link OrphanedTransactions});
   * empty after a clean stop.
   */
  public List<OrphanedTransactions.Orphan> finishedOrphans() {
    return finished;
  }

  private void finishOrphans() {
    try (Admin admin = Admin.create(clientConfig())) {
      finished = List.copyOf(OrphanedTransactions.finishAll(admin, address(), SETTLE));
    } catch (Exception e) {
      // best effort: without the repair the broker still serves, at worst with the hang it fixes
      System.err.println(
          "figstream: could not check for transactions a hard stop left open: " + e.getMessage());
    }
  }

  private static Properties config(Path dir, int[] ports) {
    Properties p = loopbackNode(1, ports[0], ports[1], dir, 1);
    p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + ports[1]);
    return p;
  }

  /**
   * What every node figstream starts has: broker and controller in one, plaintext listeners on
   * loopback, logs under {@code dir/logs}; the internal topics (offsets, transactions, share state)
   * replicated {@code replicas} times, writes to them needing all but one replica in sync; topics
   * created only on request.
   */
  static Properties loopbackNode(
      int nodeId, int brokerPort, int controllerPort, Path dir, int replicas) {
    String broker = "127.0.0.1:" + brokerPort;
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(nodeId));
    p.put("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + broker);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dir.resolve("logs").toString());
    String minIsr = String.valueOf(Math.max(1, replicas - 1));
    p.put("offsets.topic.replication.factor", String.valueOf(replicas));
    p.put("transaction.state.log.replication.factor", String.valueOf(replicas));
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    // the log cleaner's key map is a heap array allocated at start: 128 MB by default, a quarter
    // of a 512 MB heap. 16 MB maps about 600,000 keys per cleaning round; more keys take more
    // rounds, not more memory
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16L << 20));
    return p;
  }

  /** The broker and controller ports: chosen once, then read back on every later start. */
  private static int[] ports(Path dir) throws IOException {
    Path file = dir.resolve("ports.properties");
    Properties saved = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        saved.load(in);
      }
      return new int[] {
        Integer.parseInt(saved.getProperty("broker")),
        Integer.parseInt(saved.getProperty("controller"))
      };
    }
    int[] ports = twoFreePorts();
    saved.setProperty("broker", String.valueOf(ports[0]));
    saved.setProperty("controller", String.valueOf(ports[1]));
    try (Writer out = Files.newBufferedWriter(file)) {
      saved.store(out, "ports of the embedded broker, kept so that a restart finds its quorum");
    }
    return ports;
  }

  /**
   * Both sockets stay open until both ports are known: closing the first before asking for the
   * second let the system hand out the same port twice, and the broker refused the pair.
   */
  private static int[] twoFreePorts() throws IOException {
    java.net.InetAddress loopback = java.net.InetAddress.getLoopbackAddress();
    try (ServerSocket a = new ServerSocket(0, 1, loopback);
        ServerSocket b = new ServerSocket(0, 1, loopback)) {
      return new int[] {a.getLocalPort(), b.getLocalPort()};
    }
  }

  private static void format(Path dir, Properties props) throws IOException {
    Path file = dir.resolve("server.properties");
    try (Writer out = Files.newBufferedWriter(file)) {
      props.store(out, "embedded broker");
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int code =
        StorageTool.execute(
            new String[] {
              "format",
              "--standalone",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              file.toString(),
              "--ignore-formatted"
            },
            new PrintStream(log, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new IllegalStateException(
          "formatting the embedded broker's storage failed: "
              + log.toString(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
