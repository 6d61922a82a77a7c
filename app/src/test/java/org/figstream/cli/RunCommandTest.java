package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Article;
import org.figstream.records.PublishedFigure;
import org.figstream.records.PubmedRecord;
import org.figstream.records.Topics;
import org.figstream.runtime.TopicCounts;
import org.figstream.topology.schema.TopicSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code figstream run --sample --until-caught-up} in-process, twice on one data directory: the
 * second run restarts the embedded broker on its own data and finds nothing new.
 */
class RunCommandTest {

  private static String run(Path data) {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setErr(new PrintWriter(err, true));
    int exit =
        cli.execute(
            "run",
            "--sample",
            "--sample-dir",
            SampleArticles.root().toString(),
            "--until-caught-up",
            "--data-dir",
            data.toString(),
            "--http-port",
            "-1");
    assertThat(exit).as(err.toString()).isZero();
    return err.toString();
  }

  @Test
  void shouldRunTheSampleFeedToTheFiguresTopicAndTheDatasetAndResumeAfterARestart(
      @TempDir Path data) throws Exception {
    String first = run(data);
    String second = run(data);

    // day 2 as published (see PipelineOnEmbeddedBrokerTest):
    // every sample but elife-43154-v2 (retracted, 3) and elife-46472-v3 (removed, 8), with one
    // figure of
    // elife-30274-v1 gone in its version 2: 82 - 3 - 8 - 1
    assertThat(first)
        .contains("feed: inventory 2026-11-21T01-00Z: 10 rows, 9 announced")
        .contains(
            "run: caught up: 70 live pairs on figures, 7 articles on articles, 0 dead letters on dlq");
    assertThat(second)
        .contains("inventory 2026-11-21T01-00Z was already processed")
        .contains("run: caught up: 70 live pairs on figures");
    assertThat(Files.exists(data.resolve("kafka/logs/meta.properties"))).isTrue();
    assertEveryFigureEmbeddedAndLabelled(data);
    // compacted, forced, before each --until-caught-up exit
    assertThat(first).contains("dataset: compaction rewrote ");
    assertThat(second).contains("dataset: compaction rewrote ");
    assertThat(first)
        .contains(
            "dataset: "
                + data.resolve("dataset")
                + ": 70 figure rows (commercial 70), "
                + "7 article rows");
    assertThat(second)
        .contains(
            "dataset: "
                + data.resolve("dataset")
                + ": 70 figure rows (commercial 70), "
                + "7 article rows");
    assertTheDatasetEqualsTheTopics(data);
    // samples/pubmed (built, see its README): efetch finds article 5's PMID before NLM indexed it;
    // day 1's update file brings a citation in PMC and one not; day 2's the MeSH and a deletion
    assertThat(first)
        .contains(
            "pubmed: efetch: 1 PMIDs, 1 found, 0 unresolved, 0 failed, 0 invalid, in 1 requests;"
                + " update files: 2 applied (pubmed26n1501.xml.gz, pubmed26n1502.xml.gz),"
                + " 3 citations, 1 deletions, 1 not in PMC");
    assertThat(second)
        .contains(
            "pubmed: efetch: no PMIDs announced; update files: 0 applied, 0 citations,"
                + " 0 deletions, 0 not in PMC");
    assertTheMeshArrivedAfterTheArticle(data);
  }

  /**
   * Article 5 (PMID 99000005) goes out first without its citation, and last with the MeSH of day
   * 2's update file; the dataset's articles table has it.
   */
  private static void assertTheMeshArrivedAfterTheArticle(Path data) throws Exception {
    String pmcid = SampleBucket.pmcid(5);
    List<Article> history;
    try (EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("kafka"))) {
      Deserializer<Article> decode = TopicSerdes.articles().deserializer();
      history =
          TopicCounts.history(broker.clientConfig(), Topics.ARTICLES, pmcid).stream()
              .map(v -> decode.deserialize(Topics.ARTICLES, v))
              .toList();
    }
    assertThat(history.get(0).pmid()).isEqualTo("99000005");
    assertThat(history.get(0).pubmed()).isNull();
    PubmedRecord last = history.get(history.size() - 1).pubmed();
    assertThat(last.status()).isEqualTo("MEDLINE");
    assertThat(last.meshHeadings())
        .extracting(PubmedRecord.MeshHeading::descriptorName)
        .containsExactly("Humans");
    // the In-Data-Review citation in between, unless the join took both citations at once
    assertThat(history.subList(1, history.size() - 1))
        .allSatisfy(a -> assertThat(a.pubmed().status()).isEqualTo("In-Data-Review"))
        .hasSizeLessThanOrEqualTo(1);
    String articles = "read_parquet('" + data.resolve("dataset") + "/articles/*/*.parquet')";
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement();
        ResultSet r =
            sql.executeQuery(
                "SELECT pubmed_status, [m.descriptor_ui FOR m IN pubmed_mesh_headings]::VARCHAR, "
                    + "len(pubmed_references) FROM "
                    + articles
                    + " WHERE article_key = '"
                    + pmcid
                    + "' QUALIFY row_number() OVER (ORDER BY kafka_offset DESC) = 1")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("MEDLINE");
      assertThat(r.getString(2)).isEqualTo("[D006801]");
      // the built citation's reference list (samples/pubmed/README.md)
      assertThat(r.getInt(3)).isEqualTo(137);
    }
  }

  /**
   * DuckDB reads the dataset the run left: exactly the live pairs of the topic, with their values.
   */
  private static void assertTheDatasetEqualsTheTopics(Path data) throws Exception {
    Map<String, byte[]> live;
    int articles;
    try (EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("kafka"))) {
      live = TopicCounts.latest(broker.clientConfig(), Topics.FIGURES);
      articles = TopicCounts.liveKeys(broker.clientConfig(), Topics.ARTICLES).size();
    }
    Path dataset = data.resolve("dataset");
    String figures = "read_parquet('" + dataset + "/figures/*/*.parquet')";
    Deserializer<PublishedFigure> decode = TopicSerdes.figures().deserializer();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      // compacted before the run exited: the files alone are the current dataset
      try (ResultSet r =
          sql.executeQuery(
              "SELECT pair_id, caption, image.bytes, len(caption_embedding::FLOAT[384]), "
                  + "len(image_embedding), global_labels[1].concept, subset, license, pipeline_version, perceptual_hash "
                  + "FROM "
                  + figures)) {
        int rows = 0;
        while (r.next()) {
          rows++;
          PublishedFigure f = decode.deserialize(Topics.FIGURES, live.get(r.getString(1)));
          assertThat(f).as(r.getString(1)).isNotNull();
          assertThat(r.getString(2)).isEqualTo(f.figure().caption());
          assertThat(r.getBytes(3)).isEqualTo(f.image() == null ? null : f.image().jpeg());
          assertThat(r.getInt(4)).isEqualTo(384);
          assertThat(r.getObject(5)).isEqualTo(f.image() == null ? null : 1280L);
          assertThat(r.getString(6)).isEqualTo(f.labels().global().get(0).concept());
          assertThat(r.getString(7)).isEqualTo(f.article().subset().toString());
          assertThat(r.getString(8)).isEqualTo(f.article().licenseCode());
          assertThat(r.getString(9)).isEqualTo(f.provenance().pipelineVersion());
          assertThat(r.getString(10))
              .isEqualTo(f.image() == null ? null : f.image().perceptualHashHex());
        }
        assertThat(rows).isEqualTo(live.size());
      }
      try (ResultSet r =
          sql.executeQuery(
              "SELECT count(*) FROM read_parquet('" + dataset + "/articles/*/*.parquet')")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(articles);
      }
    }
    assertThat(Files.readString(dataset.resolve("README.md")))
        .contains("- config_name: commercial");
  }

  /** Reads the figures topic back from the run's own broker data: the encoders ran in the stage. */
  private static void assertEveryFigureEmbeddedAndLabelled(Path data) {
    try (EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("kafka"));
        Deserializer<PublishedFigure> figures = TopicSerdes.figures().deserializer()) {
      Map<String, byte[]> live = TopicCounts.latest(broker.clientConfig(), Topics.FIGURES);
      assertThat(live).hasSize(70);
      int withImage = 0;
      for (byte[] value : live.values()) {
        PublishedFigure f = figures.deserialize(Topics.FIGURES, value);
        assertThat(f.captionEmbedding().model()).isEqualTo("e5-small-v2");
        assertThat(f.captionEmbedding().dimensions()).isEqualTo(384);
        assertThat(f.labels().method()).isEqualTo("zero-shot");
        assertThat(f.labels().global()).isNotEmpty();
        if (f.image() != null) {
          withImage++;
          assertThat(f.imageEmbedding().dimensions()).isEqualTo(1280);
        } else {
          assertThat(f.imageEmbedding()).isNull();
        }
      }
      assertThat(withImage).isEqualTo(49); // 21 of pone.0038869's pairs have no image file
    }
  }
}
