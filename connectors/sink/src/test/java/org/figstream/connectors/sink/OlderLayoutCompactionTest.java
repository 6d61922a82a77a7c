package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.parquet.hadoop.ParquetWriter;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.rows.ArticleRows;
import org.figstream.connectors.sink.rows.FigureRows;
import org.figstream.connectors.sink.shard.ParquetFiles;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.records.FigureRecord;
import org.figstream.records.codec.RecordSchemas;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A dataset that an older figstream began: one articles shard in the article.v1 row layout (before
 * the PubMed columns) and one figures shard in layout 2 (before {@code ocr}), listed in the
 * manifest beside the current sink's shards. One ordinary compaction brings both up to the current
 * layouts, so every table reads as one schema: a DuckDB glob without {@code union_by_name}, as
 * Hugging Face {@code datasets} needs it.
 */
class OlderLayoutCompactionTest {
  @TempDir Path dir;

  private final ExtractedArticle current = SampleTopics.ARTICLES.get(0);
  private final ExtractedArticle older = SampleTopics.ARTICLES.get(1);

  /**
   * Default limits: every shard here is small, so the old ones are merged with the current ones;
   * one row a shard: none is small, so each old one is rewritten on its own.
   */
  @ParameterizedTest(name = "shards of at most {0} rows")
  @ValueSource(longs = {0, 1})
  void shouldRewriteShardsOfAnOlderRowLayoutInTheCurrentOneWhenCompacting(long shardRows)
      throws IOException {
    SinkSettings settings =
        shardRows == 0
            ? SinkSettings.defaults(dir)
            : SinkSettings.defaults(dir).withShardRows(shardRows);
    SampleTopics topics = SampleTopics.empty().article(current.article(), "commercial");
    current.figures().forEach(f -> topics.figure(f, current.article(), "commercial"));
    try (DatasetSink sink = DatasetSinkTest.open(settings, FaultPoint.Hook.NONE)) {
      sink.write(topics.records());
      sink.commitAll();
    }
    FigureRecord oldFigure = older.figures().get(0);
    ShardEntry oldArticles = oldArticlesShard();
    ShardEntry oldFigures = oldFiguresShard(oldFigure);
    ManifestStore.write(
        dir,
        ManifestStore.read(dir).toBuilder()
            .add(oldArticles)
            .add(oldFigures)
            .build(System.currentTimeMillis()));
    assertThat(RowLayouts.outdated(files(), oldArticles)).isTrue();

    CompactionResult result;
    try (DatasetSink sink = DatasetSinkTest.open(settings, FaultPoint.Hook.NONE)) {
      result = sink.compact(false);
    }

    assertThat(result.upgraded()).isEqualTo(2);
    // by default the current sink wrote one shard a table, so the merges took four shards
    assertThat(result.merged()).isEqualTo(shardRows == 0 ? 4 : 0);
    assertThat(result.rowsRemoved()).isZero();
    assertThat(Files.exists(dir.resolve(oldArticles.path()))).isFalse();
    assertThat(Files.exists(dir.resolve(oldFigures.path()))).isFalse();
    for (ShardEntry f : result.manifest().files()) {
      if (!f.deletes()) {
        assertThat(RowLayouts.outdated(files(), f)).as(f.path()).isFalse();
      }
    }
    // one schema per table: the globs read without union_by_name
    assertThat(
            Duck.rows(
                "SELECT article_key, title, pubmed_pmid IS NULL FROM read_parquet('"
                    + dir
                    + "/articles/*/*.parquet') ORDER BY article_key"))
        .containsExactlyInAnyOrder(
            List.of(current.article().articleKey(), current.article().title(), true),
            List.of(older.article().articleKey(), older.article().title(), true));
    assertThat(
            Duck.rows(
                "SELECT pair_id, caption, kafka_offset, ocr IS NULL FROM read_parquet('"
                    + dir
                    + "/figures/*/*.parquet') WHERE pair_id = '"
                    + oldFigure.pairId()
                    + "'"))
        .containsExactly(List.of(oldFigure.pairId(), oldFigure.caption(), 1000L, true));
    assertThat(Duck.count("SELECT count(*) FROM read_parquet('" + dir + "/figures/*/*.parquet')"))
        .isEqualTo(current.figures().size() + 1);
  }

  private DatasetFiles files() throws IOException {
    return new DatasetFiles(dir);
  }

  /** The older article as an older figstream wrote it: article.v1 record and row layout. */
  private ShardEntry oldArticlesShard() throws IOException {
    Schema v1 = RecordSchemas.all().get("article.v1");
    Schema v1Row = ArticleRows.rowSchema(v1);
    TopicRecord at =
        retimed(SampleTopics.empty().articleV1(older.article(), "commercial").records().get(0));
    GenericRecord article =
        new BinaryMessageDecoder<GenericRecord>(GenericData.get(), v1).decode(at.value());
    return shard(
        "articles/commercial/part-old.parquet",
        "articles/commercial",
        v1Row,
        ArticleRows.row(article, at, v1Row),
        at);
  }

  /** The older article's first figure in the figures row layout 2, without {@code ocr}. */
  private ShardEntry oldFiguresShard(FigureRecord figure) throws IOException {
    Schema layout2 =
        new Schema.Parser()
            .parse(
                OcrColumnTest.repository()
                    .resolve("records/schemas/dataset-figure.v2.avsc")
                    .toFile());
    TopicRecord at =
        retimed(
            SampleTopics.empty().figure(figure, older.article(), "commercial").records().get(0));
    GenericRecord row =
        FigureRows.row(RecordSchemas.genericDecoder(RecordSchemas.FIGURE).decode(at.value()), at);
    GenericData.Record old = new GenericData.Record(layout2);
    layout2.getFields().forEach(f -> old.put(f.name(), row.get(f.name())));
    return shard("figures/commercial/part-old.parquet", "figures/commercial", layout2, old, at);
  }

  /** At offset 1000 of partition 0: after every offset the current sink wrote. */
  private static TopicRecord retimed(TopicRecord r) {
    return new TopicRecord(r.topic(), 0, 1000, r.timestamp(), r.key(), r.value(), r.reason());
  }

  private ShardEntry shard(
      String path, String stream, Schema schema, GenericRecord row, TopicRecord at)
      throws IOException {
    Path file = dir.resolve(path);
    try (ParquetWriter<GenericRecord> w =
        ParquetFiles.writer(file, schema, 1 << 20, Map.of("figstream.format", "2"))) {
      w.write(row);
    }
    return new ShardEntry(
        path, stream, 1, Files.size(file), Map.of(at.topic() + "-0", new long[] {1000, 1000}));
  }
}
