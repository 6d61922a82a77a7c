package org.figstream.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.broker.LocalCluster;
import org.figstream.records.Topics;
import org.figstream.records.codec.RecordSchemas;
import org.figstream.runtime.TopicCounts;

/**
 * figstream scaled out on a local three-broker cluster, each part its own process: {@code
 * instances} × {@code figstream run --sample} (the first with the feed and {@code
 * --until-caught-up}, the others {@code --no-feed}), topics replicated 3 times with 2 in-sync
 * replicas, optionally one instance and one broker SIGKILLed mid-run. Used by {@code ScaleOutIT}
 * and, as a program, by {@code loadtest/scripts/cluster-run.sh}.
 */
public final class ScaleOutScenario {
  /** What a run left and how long it took. */
  public record Outcome(
      String name,
      double seconds,
      Map<String, Long> articlesPerInstance,
      Map<String, byte[]> figures,
      Map<String, Integer> upserts,
      Set<String> articles,
      long deadLetters,
      String minInsyncReplicasOfFigures,
      int replicasOfFigures,
      List<String> datasetRows,
      List<String> events) {}

  /**
   * The fields of a figures record that differ between two runs of the same input: when it was
   * processed (wall clock).
   */
  public static final Set<String> VARYING_FIELDS = Set.of("provenance.processedAt");

  private final Path work;
  private final String classpath;
  private final Path sampleDir;
  private final int partitions;
  private final PrintStream out;

  public ScaleOutScenario(
      Path work, String classpath, Path sampleDir, int partitions, PrintStream out) {
    this.work = work;
    this.classpath = classpath;
    this.sampleDir = sampleDir;
    this.partitions = partitions;
    this.out = out;
  }

  /**
   * One run on a fresh cluster; with {@code kill}, the second instance and the broker that
   * coordinates the enrichment stage's group are SIGKILLed once that instance has enriched an
   * article, and the broker is restarted after the run caught up.
   */
  public Outcome run(String name, int instances, boolean kill) throws Exception {
    return run(name, instances, kill, partitions);
  }

  /**
   * As above, with {@code figstream-enriched} (dedup and the ledger) on {@code dedupPartitions}.
   */
  public Outcome run(String name, int instances, boolean kill, int dedupPartitions)
      throws Exception {
    Path dir = work.resolve(name);
    List<String> events = new ArrayList<>();
    long t = System.nanoTime();
    try (LocalCluster cluster = LocalCluster.start(dir.resolve("cluster"), classpath, 3)) {
      event(events, name, "3 brokers up in %.1f s at %s", since(t), cluster.bootstrapServers());
      Path config =
          Files.writeString(
              dir.resolve("client.properties"),
              String.join(
                  "\n",
                  "bootstrap.servers=" + cluster.bootstrapServers(),
                  // a killed instance's partitions move on after 6 s, not 45
                  "session.timeout.ms=6000",
                  "heartbeat.interval.ms=1500",
                  // and its open transactions are aborted after 10 s, not 60
                  "transaction.timeout.ms=10000",
                  ""));
      List<FigstreamProcess> running = new ArrayList<>();
      long start = System.nanoTime();
      try {
        for (int i = 0; i < instances; i++) {
          running.add(
              FigstreamProcess.start(
                  String.valueOf((char) ('a' + i)),
                  i == 0,
                  dir,
                  classpath,
                  sampleDir,
                  config,
                  partitions,
                  dedupPartitions));
        }
        FigstreamProcess feed = running.get(0);
        int killedBroker = 0;
        if (kill) {
          FigstreamProcess victim = running.get(1);
          long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
          while (victim.articles() < 1 && feed.alive() && System.nanoTime() < deadline) {
            Thread.sleep(250);
          }
          killedBroker = coordinatorOf(cluster, "figstream-enrichment");
          victim.kill();
          cluster.kill(killedBroker);
          event(
              events,
              name,
              "at %.1f s: SIGKILL instance %s (had enriched %d articles) and broker %d (the"
                  + " enrichment group's coordinator)",
              since(start),
              victim.id,
              victim.articles(),
              killedBroker);
        }
        int exit = feed.await(Duration.ofMinutes(6));
        double seconds = since(start);
        if (exit != 0) {
          throw new IllegalStateException("instance a exited with " + exit + ":\n" + feed.tail());
        }
        event(events, name, "caught up after %.1f s (instance a exited 0)", seconds);
        for (String line : feed.output().split("\n")) {
          if (line.startsWith("run: caught up") || line.startsWith("feed: inventory")) {
            event(events, name, "a: %s", line);
          }
        }
        Map<String, Long> shares = new LinkedHashMap<>();
        for (FigstreamProcess p : running) {
          shares.put(p.id, p.articles());
        }
        if (kill) {
          long restart = System.nanoTime();
          cluster.restart(killedBroker);
          event(events, name, "broker %d restarted in %.1f s", killedBroker, since(restart));
        }
        for (FigstreamProcess p : running) {
          if (p.alive()) {
            p.stop();
          }
        }
        event(events, name, "articles enriched per instance: %s", shares);
        Map<String, Object> kafka = cluster.clientConfig();
        String minIsr;
        int replicas;
        try (Admin admin = Admin.create(kafka)) {
          ConfigResource figures = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FIGURES);
          Config c = admin.describeConfigs(List.of(figures)).all().get().get(figures);
          ConfigEntry e = c.get("min.insync.replicas");
          minIsr = e.value() + " (" + e.source() + ")";
          TopicDescription d =
              admin
                  .describeTopics(List.of(Topics.FIGURES))
                  .allTopicNames()
                  .get()
                  .get(Topics.FIGURES);
          replicas = d.partitions().get(0).replicas().size();
        }
        Outcome outcome =
            new Outcome(
                name,
                seconds,
                shares,
                TopicCounts.latest(kafka, Topics.FIGURES),
                TopicCounts.upsertsSinceLastTombstone(kafka, Topics.FIGURES),
                TopicCounts.liveKeys(kafka, Topics.ARTICLES),
                TopicCounts.records(kafka, Topics.DLQ),
                minIsr,
                replicas,
                DatasetRows.read(dir.resolve("a/dataset")),
                events);
        event(
            events,
            name,
            "figures: %d live pairs, most upserts of one pair since its last tombstone: %d;"
                + " articles: %d; dlq: %d; figures replicas %d, min.insync.replicas %s",
            outcome.figures().size(),
            outcome.upserts().values().stream().mapToInt(Integer::intValue).max().orElse(0),
            outcome.articles().size(),
            outcome.deadLetters(),
            replicas,
            minIsr);
        return outcome;
      } finally {
        for (FigstreamProcess p : running) {
          if (p.alive()) {
            p.kill();
          }
        }
      }
    }
  }

  /**
   * The reference: one instance on its own embedded single-node broker (the default {@code
   * figstream run --sample --until-caught-up}), as a process; its topics read afterwards from the
   * broker's data.
   */
  public Outcome runEmbedded(String name) throws Exception {
    Path dir = work.resolve(name);
    List<String> events = new ArrayList<>();
    long start = System.nanoTime();
    FigstreamProcess single =
        FigstreamProcess.startEmbeddedWithDataset("a", dir, classpath, sampleDir);
    int exit = single.await(Duration.ofMinutes(6));
    double seconds = since(start);
    if (exit != 0) {
      throw new IllegalStateException(
          "the single instance exited with " + exit + ":\n" + single.tail());
    }
    event(events, name, "caught up after %.1f s (1 instance, embedded broker)", seconds);
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("a/kafka"))) {
      Map<String, Object> kafka = broker.clientConfig();
      return new Outcome(
          name,
          seconds,
          Map.of(single.id, single.articles()),
          TopicCounts.latest(kafka, Topics.FIGURES),
          TopicCounts.upsertsSinceLastTombstone(kafka, Topics.FIGURES),
          TopicCounts.liveKeys(kafka, Topics.ARTICLES),
          TopicCounts.records(kafka, Topics.DLQ),
          "(broker default)",
          1,
          DatasetRows.read(dir.resolve("a/dataset")),
          events);
    }
  }

  private void event(List<String> events, String name, String format, Object... args) {
    String line = name + ": " + String.format(Locale.ROOT, format, args);
    events.add(line);
    out.println(line);
    out.flush();
  }

  private static double since(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private static int coordinatorOf(LocalCluster cluster, String group) throws Exception {
    try (Admin admin = Admin.create(cluster.clientConfig())) {
      return admin
          .describeConsumerGroups(List.of(group))
          .all()
          .get(30, TimeUnit.SECONDS)
          .get(group)
          .coordinator()
          .id();
    }
  }

  /**
   * The field paths where two {@code figures} values differ (Avro single-object encoding: a 10-byte
   * header, then the record); empty when equal.
   */
  public static Set<String> differences(byte[] a, byte[] b) throws IOException {
    Set<String> paths = new TreeSet<>();
    diff("", decode(a), decode(b), paths);
    return paths;
  }

  private static GenericRecord decode(byte[] value) throws IOException {
    Schema schema = RecordSchemas.FIGURE;
    return new GenericDatumReader<GenericRecord>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(value, 10, value.length - 10, null));
  }

  private static void diff(String path, Object a, Object b, Set<String> paths) {
    if (a instanceof GenericRecord ra && b instanceof GenericRecord rb) {
      if (!ra.getSchema().equals(rb.getSchema())) {
        paths.add(path);
        return;
      }
      for (Schema.Field f : ra.getSchema().getFields()) {
        diff(
            path.isEmpty() ? f.name() : path + "." + f.name(),
            ra.get(f.pos()),
            rb.get(f.pos()),
            paths);
      }
    } else if (a instanceof Collection<?> ca && b instanceof Collection<?> cb) {
      if (ca.size() != cb.size()) {
        paths.add(path);
        return;
      }
      var ia = ca.iterator();
      var ib = cb.iterator();
      while (ia.hasNext()) {
        diff(path + "[]", ia.next(), ib.next(), paths);
      }
    } else if (a instanceof ByteBuffer ba && b instanceof ByteBuffer bb) {
      if (!ba.equals(bb)) {
        paths.add(path);
      }
    } else if (a == null ? b != null : !String.valueOf(a).equals(String.valueOf(b))) {
      paths.add(path);
    }
  }

  /**
   * The fields where {@code cluster} differs from {@code reference}, over every pair both hold; the
   * pair ids only one holds are reported as {@code pair ids}.
   */
  public static Map<String, Integer> compare(Outcome reference, Outcome cluster)
      throws IOException {
    Map<String, Integer> fields = new LinkedHashMap<>();
    if (!reference.figures().keySet().equals(cluster.figures().keySet())) {
      fields.put("pair ids", 1);
    }
    for (var e : reference.figures().entrySet()) {
      byte[] other = cluster.figures().get(e.getKey());
      if (other != null) {
        for (String f : differences(e.getValue(), other)) {
          fields.merge(f, 1, Integer::sum);
        }
      }
    }
    return fields;
  }

  /**
   * {@code ScaleOutScenario WORK_DIR SAMPLE_DIR [PARTITIONS]}: the single-instance run, the
   * three-instance run and the three-instance run with kills, each on its own fresh cluster, then
   * their comparison.
   */
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    Path samples = Path.of(args[1]);
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    ScaleOutScenario s =
        new ScaleOutScenario(work, PackagedApp.classpath(), samples, partitions, System.out);
    Outcome single = s.run("single", 1, false);
    Outcome three = s.run("three", 3, false);
    Outcome killed = s.run("three-with-kills", 3, true);
    System.out.println();
    System.out.print(report(single, three, killed));
  }

  /**
   * The figures of the runs, as the script prints them and the docs quote them: each compared with
   * the first.
   */
  public static String report(Outcome reference, Outcome... others) throws IOException {
    StringBuilder r =
        new StringBuilder("time to caught up (from the instances' start, model loading included):");
    for (Outcome o : concat(reference, others)) {
      r.append(String.format(Locale.ROOT, " %s %.1f s;", o.name(), o.seconds()));
    }
    r.append(System.lineSeparator());
    for (Outcome o : concat(reference, others)) {
      r.append(
          String.format(
              Locale.ROOT,
              "%s: articles enriched per instance %s, %d live pairs, %d live articles, %d dead"
                  + " letters, most upserts of one live pair since its last tombstone %d%n",
              o.name(),
              o.articlesPerInstance(),
              o.figures().size(),
              o.articles().size(),
              o.deadLetters(),
              o.upserts().values().stream().mapToInt(Integer::intValue).max().orElse(0)));
    }
    for (Outcome o : others) {
      r.append(
          String.format(
              Locale.ROOT,
              "%s against %s: same pair ids %s, fields that differ (field=pairs) %s, same live"
                  + " articles %s, same upserts per live pair %s, same dataset rows %s (%d)%n",
              o.name(),
              reference.name(),
              o.figures().keySet().equals(reference.figures().keySet()),
              compare(reference, o),
              o.articles().equals(reference.articles()),
              o.upserts().equals(reference.upserts()),
              o.datasetRows().equals(reference.datasetRows()),
              o.datasetRows().size()));
    }
    return r.toString();
  }

  private static List<Outcome> concat(Outcome first, Outcome... rest) {
    List<Outcome> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }
}
