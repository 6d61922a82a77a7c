package org.figstream.connectors.sink.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.sink.LiveRows;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.SampleRecords;
import org.figstream.records.Article;
import org.figstream.records.ArticleKeys;
import org.figstream.records.FigureRecord;
import org.figstream.records.Headers;
import org.figstream.records.NormalizedImage;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Topics;
import org.figstream.records.codec.RecordCodecs;
import org.figstream.topology.TopicSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset sink as a Kafka Connect plugin: a standalone Connect worker runs in this JVM, in a
 * class loader that holds connect-runtime and its dependencies only
 * (target/connect-worker.classpath, written by the build), so figstream's classes can only come
 * from the plugin, installed as a user installs it: the Confluent Hub archive this module packages,
 * unzipped into plugin.path ({@link ConnectPluginArchive}), and loaded through Connect's isolated
 * plugin class loader; the connector runs with the example configuration the archive ships. Real
 * sample pairs and articles go to {@code figures} and {@code articles} with tombstones and one
 * undecodable record; DuckDB reads the dataset back and must find exactly the live pairs and
 * articles, every record stored once, across a stop that abandons open shards and a restart.
 */
class DatasetSinkConnectorIT {
  /**
   * By name only: the class must come from the plugin directory, never from this test's class path.
   */
  private static final String CONNECTOR_CLASS =
      "org.figstream.connectors.sink.connect.DatasetSinkConnector";

  private static final String CONNECTOR = "figstream-dataset";
  private static final String DEAD_LETTERS = "figstream-dataset-dlq";
  private static final byte[] UNDECODABLE = "not an Avro single-object record".getBytes(UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(45);

  @TempDir Path dir;

  /** The installed component's folder (manifest.json, lib/, etc/). */
  private Path component;

  @Test
  void shouldKeepTheDatasetEqualToTheTopicsFromThePluginAcrossAStopAndARestart() throws Exception {
    ConnectPluginArchive.Installed installed = ConnectPluginArchive.install(dir.resolve("plugins"));
    component = installed.component();
    Path pluginPath = installed.pluginPath();
    ClassLoader workerLoader = workerClassLoader();
    assertThatThrownBy(() -> workerLoader.loadClass(CONNECTOR_CLASS))
        .as("the worker's own class path must not hold the connector")
        .isInstanceOf(ClassNotFoundException.class);
    Path dataset = dir.resolve("dataset");
    List<Sample> samples = Sample.all();

    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"));
        Admin admin = Admin.create(broker.clientConfig());
        Feed feed = new Feed(broker.clientConfig())) {
      TopicSetup.ensure(broker.clientConfig(), 2, (short) 1);
      admin.createTopics(List.of(new NewTopic(DEAD_LETTERS, 1, (short) 1))).all().get();
      Map<String, String> workerProps = workerProps(broker.bootstrapServers(), pluginPath);

      // Before the worker starts: every sample article and pair, one article withdrawn, two pairs
      // superseded,
      // and a record no figstream schema decodes.
      samples.forEach(feed::publish);
      feed.withdraw(samples.get(1), "withdrawn");
      feed.removePair(samples.get(0).figures.get(0).pairId(), "superseded");
      feed.removePair(samples.get(0).figures.get(1).pairId(), "superseded");
      feed.undecodable();
      feed.flush();

      JsonNode committed;
      try (ConnectWorker worker = ConnectWorker.start(workerLoader, workerProps)) {
        JsonNode plugin =
            worker.plugins().stream()
                .filter(p -> p.path("class").asText().equals(CONNECTOR_CLASS))
                .findFirst()
                .orElseThrow(
                    () ->
                        new AssertionError("the worker did not find the plugin in " + pluginPath));
        assertThat(plugin.path("type").asText()).isEqualTo("sink");
        assertThat(plugin.path("version").asText())
            .as("read from the plugin jar's manifest")
            .endsWith("-SNAPSHOT");

        JsonNode keys =
            worker.request("GET", "connector-plugins/DatasetSinkConnector/config", null, 200);
        List<JsonNode> own = new ArrayList<>();
        keys.forEach(
            k -> {
              if (k.path("group").asText().equals("Dataset")) {
                own.add(k);
              }
            });
        assertThat(own)
            .hasSize(11)
            .allSatisfy(k -> assertThat(k.path("documentation").asText()).isNotBlank());
        Map<String, String> wrong = connectorConfig(dataset, 500);
        wrong.put("topics", Topics.FIGURES);
        assertThat(
                worker
                    .send(
                        "POST",
                        "connectors",
                        JSON.writeValueAsString(Map.of("name", CONNECTOR, "config", wrong)))
                    .body())
            .contains("topics must be exactly the figures and articles topics");

        worker.create(CONNECTOR, connectorConfig(dataset, 500));
        awaitCommitted(dataset, feed.ends(admin), worker);
        assertDataset(dataset, feed);
        assertThat(deadLetters(broker.clientConfig()))
            .as("the undecodable record, reported once")
            .containsExactly(new String(UNDECODABLE, UTF_8));

        // Shards that never commit (an age of 10 minutes): records read now live only in open
        // shards, and
        // stopping the worker abandons them; the manifest, and so the group's offsets, must not
        // move.
        worker.delete(CONNECTOR);
        committed = manifest(dataset);
        worker.create(CONNECTOR, connectorConfig(dataset, 600_000));
        samples.get(1).figures.forEach(f -> feed.publish(samples.get(1), f));
        feed.publishArticle(samples.get(1));
        feed.removePair(samples.get(2).figures.get(0).pairId(), "superseded");
        feed.publish(samples.get(3), samples.get(3).figures.get(0));
        feed.flush();
        awaitOpenShard(dataset, worker);
      }
      JsonNode afterStop = manifest(dataset);
      assertThat(afterStop.get("generation")).isEqualTo(committed.get("generation"));
      assertThat(afterStop.get("positions")).isEqualTo(committed.get("positions"));
      assertThat(temporaryFiles(dataset))
          .as("the abandoned shards, settled at the next start")
          .isNotEmpty();
      assertThat(groupOffsets(admin))
          .as("what preCommit handed Connect: the manifest's positions")
          .isEqualTo(resumeOffsets(afterStop, feed.ends(admin).keySet()));

      // While no worker runs: an article retracted, a superseded pair back.
      feed.withdraw(samples.get(4), "retracted");
      feed.publish(samples.get(0), samples.get(0).figures.get(0));
      feed.flush();

      try (ConnectWorker worker = ConnectWorker.start(workerLoader, workerProps)) {
        worker.create(CONNECTOR, connectorConfig(dataset, 500));
        awaitCommitted(dataset, feed.ends(admin), worker);
        assertDataset(dataset, feed);
        assertThat(temporaryFiles(dataset)).isEmpty();
      }
      assertThat(deadLetters(broker.clientConfig())).hasSize(1);
    }
  }

  // ---- what the dataset must hold

  private static void assertDataset(Path dataset, Feed feed) throws Exception {
    String d = dataset.toString();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      // the query docs/dataset.md and the dataset card give readers
      Set<String> livePairs =
          strings(sql, "SELECT pair_id FROM (" + LiveRows.currentRowsQuery(d, "figures") + ")");
      assertThat(livePairs).isEqualTo(feed.live(feed.pairs));
      Set<String> liveArticles =
          strings(
              sql, "SELECT article_key FROM (" + LiveRows.currentRowsQuery(d, "articles") + ")");
      assertThat(liveArticles).isEqualTo(feed.live(feed.articles));

      // every record stored exactly once: as many rows as records were sent, no topic position
      // twice
      assertOnce(sql, d + "/figures/*/*.parquet", feed.counts.get("figures"));
      assertOnce(sql, d + "/deletes/figures/*.parquet", feed.counts.get("figures-deletes"));
      assertOnce(sql, d + "/articles/*/*.parquet", feed.counts.get("articles"));
      assertOnce(sql, d + "/deletes/articles/*.parquet", feed.counts.get("articles-deletes"));
      assertThat(
              strings(
                  sql, "SELECT DISTINCT reason FROM read_parquet('" + d + "/deletes/*/*.parquet')"))
          .isEqualTo(new TreeSet<>(feed.reasons));
      assertThat(
              longs(
                  sql,
                  "SELECT count(*) FROM read_parquet('"
                      + d
                      + "/figures/*/*.parquet') "
                      + "WHERE image IS NOT NULL"))
          .isPositive();
    }
  }

  private static void assertOnce(Statement sql, String glob, long records) throws Exception {
    assertThat(longs(sql, "SELECT count(*) FROM read_parquet('" + glob + "')"))
        .as(glob)
        .isEqualTo(records);
    assertThat(
            longs(
                sql,
                "SELECT count(DISTINCT (kafka_partition, kafka_offset)) FROM read_parquet('"
                    + glob
                    + "')"))
        .as(glob + ", distinct positions")
        .isEqualTo(records);
  }

  private static Set<String> strings(Statement sql, String query) throws Exception {
    Set<String> out = new TreeSet<>();
    try (ResultSet rs = sql.executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static long longs(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ---- the dataset's manifest

  private static JsonNode manifest(Path dataset) throws IOException {
    Path file = dataset.resolve("_manifest.json");
    return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
  }

  /** The sink's resume offset per partition: the lowest position any stream of its table has. */
  private static Map<TopicPartition, Long> resumeOffsets(
      JsonNode manifest, Set<TopicPartition> partitions) {
    Map<TopicPartition, Long> out = new HashMap<>();
    for (TopicPartition tp : partitions) {
      long min = Long.MAX_VALUE;
      for (String subset : List.of("commercial", "noncommercial", "other", "deletes")) {
        min =
            Math.min(
                min,
                manifest
                    .path("positions")
                    .path(tp.topic() + "/" + subset)
                    .path(tp.toString())
                    .asLong(0));
      }
      if (min > 0) {
        out.put(tp, min);
      }
    }
    return out;
  }

  private static void awaitCommitted(
      Path dataset, Map<TopicPartition, Long> ends, ConnectWorker worker) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Map<TopicPartition, Long> expected = new HashMap<>(ends);
    expected.values().removeIf(end -> end == 0);
    while (!resumeOffsets(manifest(dataset), ends.keySet()).equals(expected)) {
      worker.assertRunning(CONNECTOR);
      if (System.nanoTime() > deadline) {
        fail(
            "the manifest did not reach "
                + ends
                + " within "
                + PATIENCE
                + ": "
                + manifest(dataset));
      }
      Thread.sleep(100);
    }
  }

  private static void awaitOpenShard(Path dataset, ConnectWorker worker) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (temporaryFiles(dataset).isEmpty()) {
      worker.assertRunning(CONNECTOR);
      if (System.nanoTime() > deadline) {
        fail("the task opened no shard within " + PATIENCE);
      }
      Thread.sleep(50);
    }
  }

  /** Shards written but not committed: hidden temporary files in the table folders. */
  private static List<Path> temporaryFiles(Path dataset) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String table : List.of("figures", "articles", "deletes")) {
      Path folder = dataset.resolve(table);
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.walk(folder)) {
          files.filter(p -> p.getFileName().toString().endsWith(".tmp")).forEach(out::add);
        }
      }
    }
    return out;
  }

  // ---- Kafka: what the group committed, what the dead letter queue holds

  private static Map<TopicPartition, Long> groupOffsets(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets("connect-" + CONNECTOR)
            .partitionsToOffsetAndMetadata()
            .get();
    Map<TopicPartition, Long> out = new HashMap<>();
    offsets.forEach(
        (tp, o) -> {
          if (o != null) {
            out.put(tp, o.offset());
          }
        });
    return out;
  }

  private static List<String> deadLetters(Map<String, Object> kafka) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(DEAD_LETTERS, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (consumer.position(tp) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          out.add(new String(r.value(), UTF_8));
        }
      }
    }
    return out;
  }

  // ---- configurations

  private Map<String, String> workerProps(String bootstrap, Path pluginPath) {
    Map<String, String> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrap);
    p.put("plugin.path", pluginPath.toString());
    p.put("plugin.discovery", "service_load");
    p.put("listeners", "http://127.0.0.1:0");
    p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    p.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    p.put(
        "offset.storage.file.filename",
        dir.resolve("connect.offsets").toString()); // source offsets: unused
    p.put("offset.flush.interval.ms", "1000");
    return p;
  }

  /**
   * The example configuration the archive ships (etc/), as a user would take it, with this test's
   * dataset and shard age: so the documented config is what works on a one-broker cluster.
   */
  private Map<String, String> connectorConfig(Path dataset, long shardAgeMs) throws IOException {
    Properties shipped = new Properties();
    try (var in =
        Files.newInputStream(component.resolve("etc/figstream-dataset-sink.properties"))) {
      shipped.load(in);
    }
    Map<String, String> c = new LinkedHashMap<>();
    shipped.stringPropertyNames().stream()
        .sorted()
        .filter(k -> !k.equals("name"))
        .forEach(k -> c.put(k, shipped.getProperty(k)));
    assertThat(c)
        .containsEntry("connector.class", CONNECTOR_CLASS)
        .containsEntry("tasks.max", "1")
        .containsEntry("topics", Topics.FIGURES + "," + Topics.ARTICLES)
        .containsEntry("errors.deadletterqueue.topic.name", DEAD_LETTERS)
        .containsEntry("errors.deadletterqueue.topic.replication.factor", "1");
    c.put("dataset.dir", dataset.toString());
    c.put("shard.max.age.ms", String.valueOf(shardAgeMs));
    c.put("compact.interval.ms", "0");
    return c;
  }

  /** connect-runtime and its dependencies, without figstream's: the worker's whole class path. */
  private static ClassLoader workerClassLoader() throws IOException {
    Path file = Path.of("target/connect-worker.classpath");
    if (!Files.exists(file)) {
      fail(file.toAbsolutePath() + " is missing: the build writes it (generate-test-resources)");
    }
    List<URL> urls = new ArrayList<>();
    urls.add(
        Path.of("src/test/connect-worker")
            .toAbsolutePath()
            .toUri()
            .toURL()); // its simplelogger.properties
    for (String entry : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return new URLClassLoader(
        "connect-worker", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  // ---- the records

  /**
   * A sample article with its pairs, a few of them with their normalised image; most pairs first.
   */
  private record Sample(Article article, List<PublishedFigure> figures) {
    static List<Sample> all() {
      List<Sample> out = new ArrayList<>();
      ImageNormalizer images = new ImageNormalizer();
      for (SampleRecords.Extracted e : SampleRecords.articles()) {
        ArticleKeys keys = ArticleKeys.of(e.article());
        List<PublishedFigure> figures = new ArrayList<>();
        for (FigureRecord f : e.figures()) {
          // the first figure of every other article carries its image, as the stage would publish
          // it
          NormalizedImage image =
              figures.isEmpty() && out.size() % 2 == 0 ? e.image(f, images) : null;
          PublishedFigure p =
              image != null
                  ? PublishedFigure.withImage(f, image)
                  : PublishedFigure.withoutImage(f, "missing");
          figures.add(p.withArticle(keys));
        }
        out.add(new Sample(e.article(), figures));
      }
      assertThat(out).hasSize(9);
      assertThat(out.stream().mapToInt(s -> s.figures.size()).sum()).isEqualTo(82);
      out.sort(java.util.Comparator.comparingInt((Sample s) -> s.figures.size()).reversed());
      assertThat(out.get(4).figures).hasSizeGreaterThan(2);
      return out;
    }
  }

  /**
   * Sends records and keeps what the dataset must then show: live keys, records per file kind,
   * reasons.
   */
  private static final class Feed implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    final Map<String, Boolean> pairs = new TreeMap<>();
    final Map<String, Boolean> articles = new TreeMap<>();
    final Map<String, Long> counts =
        new HashMap<>(
            Map.of("figures", 0L, "figures-deletes", 0L, "articles", 0L, "articles-deletes", 0L));
    final Set<String> reasons = new TreeSet<>();

    Feed(Map<String, Object> kafka) {
      Map<String, Object> config = new HashMap<>(kafka);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
      producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    void publish(Sample s) {
      publishArticle(s);
      s.figures.forEach(f -> publish(s, f));
    }

    void publishArticle(Sample s) {
      String key = s.article.articleKey();
      send(Topics.ARTICLES, key, RecordCodecs.ARTICLES.encode(s.article, Topics.ARTICLES), null);
      articles.put(key, true);
      counts.merge("articles", 1L, Long::sum);
    }

    void publish(Sample s, PublishedFigure f) {
      send(Topics.FIGURES, f.pairId(), RecordCodecs.FIGURES.encode(f, Topics.FIGURES), null);
      pairs.put(f.pairId(), true);
      counts.merge("figures", 1L, Long::sum);
    }

    void removePair(String pairId, String reason) {
      send(Topics.FIGURES, pairId, null, reason);
      pairs.put(pairId, false);
      counts.merge("figures-deletes", 1L, Long::sum);
    }

    /** The article and all its pairs leave, as the ledger withdraws an article. */
    void withdraw(Sample s, String reason) {
      s.figures.forEach(f -> removePair(f.pairId(), reason));
      send(Topics.ARTICLES, s.article.articleKey(), null, reason);
      articles.put(s.article.articleKey(), false);
      counts.merge("articles-deletes", 1L, Long::sum);
    }

    void undecodable() {
      send(Topics.FIGURES, "PMC0/garbage/1", UNDECODABLE, null);
    }

    private void send(String topic, String key, byte[] value, String reason) {
      ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, value);
      if (reason != null) {
        r.headers().add(Headers.REASON, reason.getBytes(UTF_8));
        reasons.add(reason);
      }
      producer.send(r);
    }

    void flush() {
      producer.flush();
    }

    Set<String> live(Map<String, Boolean> keys) {
      return keys.entrySet().stream()
          .filter(Map.Entry::getValue)
          .map(Map.Entry::getKey)
          .collect(Collectors.toCollection(TreeSet::new));
    }

    Map<TopicPartition, Long> ends(Admin admin) throws Exception {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (String topic : List.of(Topics.FIGURES, Topics.ARTICLES)) {
        for (int p = 0; p < 2; p++) {
          latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
      }
      Map<TopicPartition, Long> out = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
      return out;
    }

    @Override
    public void close() {
      producer.close();
    }
  }

  // ---- the Connect worker

  /**
   * A standalone Connect worker started as {@code connect-standalone.sh} starts one ({@code
   * ConnectStandalone.startConnect}), in its own class loader, and driven through its REST API.
   */
  private static final class ConnectWorker implements AutoCloseable {
    private final Object connect;
    private final URI rest;
    private final HttpClient http = HttpClient.newHttpClient();

    private ConnectWorker(Object connect, URI rest) {
      this.connect = connect;
      this.rest = rest;
    }

    static ConnectWorker start(ClassLoader loader, Map<String, String> props) throws Exception {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        // Connect exits the JVM when it cannot start; here that must be a test failure instead.
        Class<?> exit = loader.loadClass("org.apache.kafka.common.utils.Exit");
        Class<?> procedure = loader.loadClass("org.apache.kafka.common.utils.Exit$Procedure");
        Object thrower =
            Proxy.newProxyInstance(
                loader,
                new Class<?>[] {procedure},
                (proxy, method, args) -> {
                  return switch (method.getName()) {
                    case "execute" ->
                        throw new IllegalStateException(
                            "Connect asked to exit with status " + args[0] + ": " + args[1]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "test exit procedure";
                  };
                });
        exit.getMethod("setExitProcedure", procedure).invoke(null, thrower);
        Class<?> cli = loader.loadClass("org.apache.kafka.connect.cli.ConnectStandalone");
        Object standalone = cli.getConstructor(String[].class).newInstance((Object) new String[0]);
        Object connect = cli.getMethod("startConnect", Map.class).invoke(standalone, props);
        Object server = connect.getClass().getMethod("rest").invoke(connect);
        URI url =
            (URI)
                loader
                    .loadClass("org.apache.kafka.connect.runtime.rest.RestServer")
                    .getMethod("advertisedUrl")
                    .invoke(server);
        return new ConnectWorker(connect, url);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      } finally {
        thread.setContextClassLoader(previous);
      }
    }

    List<JsonNode> plugins() throws Exception {
      List<JsonNode> out = new ArrayList<>();
      request("GET", "connector-plugins?connectorsOnly=true", null, 200).forEach(out::add);
      return out;
    }

    void create(String name, Map<String, String> config) throws Exception {
      request(
          "POST",
          "connectors",
          JSON.writeValueAsString(Map.of("name", name, "config", config)),
          201);
    }

    void delete(String name) throws Exception {
      request("DELETE", "connectors/" + name, null, 204);
    }

    /** Fails the test with Connect's trace as soon as the connector or its task failed. */
    void assertRunning(String name) throws Exception {
      HttpResponse<String> r = send("GET", "connectors/" + name + "/status", null);
      if (r.statusCode() != 200) {
        return; // not created yet
      }
      JsonNode status = JSON.readTree(r.body());
      List<JsonNode> states = new ArrayList<>(List.of(status.path("connector")));
      status.path("tasks").forEach(states::add);
      for (JsonNode s : states) {
        if (s.path("state").asText().equals("FAILED")) {
          fail("connector " + name + " failed: " + s.path("trace").asText());
        }
      }
    }

    private JsonNode request(String method, String path, String body, int expected)
        throws Exception {
      HttpResponse<String> r = send(method, path, body);
      assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
      return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(rest.resolve("/" + path))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws ReflectiveOperationException {
      connect.getClass().getMethod("stop").invoke(connect);
    }
  }
}
