package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.figstream.connectors.sink.rows.FigureRows;
import org.figstream.connectors.sink.shard.ParquetFiles;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextLine;
import org.figstream.processors.ocr.TextRecognizer;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.FigureRecord;
import org.figstream.records.OcrLine;
import org.figstream.records.codec.RecordSchemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures table's {@code ocr} column read back with DuckDB: the lines the recogniser reads in a
 * real sample figure (elife-46472 figure 2, two plots of body temperature whose panel titles
 * "Saline" and "2 mg/kg MA" and x axis title "Time (min)" were checked by eye), a figure where OCR
 * ran and read nothing, figures where it did not run, and a shard of the older row layout without
 * the column.
 */
class OcrColumnTest {
  @TempDir static Path dir;

  private static final ExtractedArticle ARTICLE =
      SampleTopics.ARTICLES.stream()
          .filter(a -> a.figures().stream().anyMatch(f -> "fig2.jpg".equals(f.mediaFile())))
          .filter(a -> a.article().articleKey().contains("46472"))
          .findFirst()
          .orElseThrow();
  private static final FigureRecord READ = figure("fig2.jpg");
  private static List<OcrLine> expected;
  private static String nothingRead;

  @BeforeAll
  static void write() throws IOException {
    NormalizedPixels image =
        new ImageNormalizer()
            .normalizeWithPixels(
                Files.readAllBytes(
                    SampleArticles.root().resolve("elife-46472-v3").resolve(READ.mediaFile())));
    expected = read(image);
    SampleTopics topics = SampleTopics.empty();
    List<FigureRecord> others =
        ARTICLE.figures().stream().filter(f -> !f.pairId().equals(READ.pairId())).toList();
    nothingRead = others.get(0).pairId();
    topics.figure(READ, ARTICLE.article(), "commercial", image.image(), expected);
    topics.figure(others.get(0), ARTICLE.article(), "commercial", null, List.of());
    for (FigureRecord f : others.subList(1, others.size())) {
      topics.figure(f, ARTICLE.article(), "commercial", null, null);
    }
    try (DatasetSink sink =
        DatasetSinkTest.open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE)) {
      sink.write(topics.records());
      sink.commitAll();
    }
  }

  /** What the pipeline reads: detection at the labeller's side, recognition of what it found. */
  private static List<OcrLine> read(NormalizedPixels image) {
    try (TextDetector detector = TextDetector.load(Accelerator.CPU, TextRecognizer.READING_SIDE);
        TextRecognizer recognizer = TextRecognizer.load(Accelerator.CPU)) {
      var pixels = image.takePixels();
      return recognizer.read(pixels, detector.detect(pixels)).stream()
          .map(TextLine::toRecord)
          .toList();
    }
  }

  @Test
  void shouldWriteEveryLineReadWithItsBoxAndScoreExactly() {
    List<List<Object>> rows =
        Duck.rows(
            "SELECT o.text, o.box.x, o.box.y, o.box.width, o.box.height, o.score FROM "
                + "(SELECT unnest(ocr) AS o, generate_subscripts(ocr, 1) AS i FROM "
                + figures()
                + " WHERE pair_id = '"
                + READ.pairId()
                + "') ORDER BY i");

    assertThat(rows)
        .containsExactlyElementsOf(
            expected.stream()
                .map(
                    l ->
                        Arrays.<Object>asList(
                            l.text(),
                            l.box().x(),
                            l.box().y(),
                            l.box().width(),
                            l.box().height(),
                            l.score()))
                .toList());
    assertThat(rows.stream().map(r -> r.get(0))).contains("Saline", "2 mg/kg MA", "Time (min)");
    // boxes in the pixels of the row's image
    assertThat(
            Duck.count(
                "SELECT count(*) FROM (SELECT unnest(ocr) AS o, image_width, image_height FROM "
                    + figures()
                    + ") WHERE o.box.x + o.box.width > image_width"
                    + " OR o.box.y + o.box.height > image_height"))
        .isZero();
  }

  @Test
  void shouldKeepNotRunNullAndReadNothingEmpty() {
    assertThat(
            Duck.rows(
                "SELECT pair_id, ocr IS NULL, len(ocr) FROM "
                    + figures()
                    + " ORDER BY ocr IS NULL, len(ocr) DESC"))
        .startsWith(
            Arrays.asList(READ.pairId(), false, (long) expected.size()),
            Arrays.asList(nothingRead, false, 0L))
        .hasSize(ARTICLE.figures().size())
        .allSatisfy(
            r -> {
              if (!r.get(0).equals(READ.pairId()) && !r.get(0).equals(nothingRead)) {
                assertThat(r.get(1)).isEqualTo(true);
              }
            });
  }

  @Test
  void shouldDescribeTheColumnInTheCard() throws IOException {
    String card = Files.readString(dir.resolve("README.md"));

    assertThat(card)
        .contains(
            "| `ocr` | list<struct<text, box, score>> (nullable) | text lines read in the image")
        .contains("`ocr` holds the text read in each image")
        .contains("read_parquet('./figures/*/*.parquet', union_by_name = true)");
  }

  @Test
  void shouldReadAnOlderShardWithoutTheColumnBesideNewOnesByName() throws IOException {
    Schema layout2 =
        new Schema.Parser()
            .parse(repository().resolve("records/schemas/dataset-figure.v2.avsc").toFile());
    assertThat(layout2.getField("ocr")).isNull();
    GenericRecord row =
        FigureRows.row(
            RecordSchemas.genericDecoder(RecordSchemas.FIGURE)
                .decode(
                    SampleTopics.empty()
                        .figure(READ, ARTICLE.article(), "commercial")
                        .records()
                        .get(0)
                        .value()),
            new TopicRecord("figures", 0, 1000, 0, READ.pairId(), null, null));
    GenericData.Record old = new GenericData.Record(layout2);
    layout2.getFields().forEach(f -> old.put(f.name(), row.get(f.name())));
    Path shard = dir.resolve("old/figures/commercial/part-old.parquet");
    Files.createDirectories(shard.getParent());
    try (ParquetWriter<GenericRecord> w =
        ParquetFiles.writer(shard, layout2, 1 << 20, Map.of("figstream.format", "2"))) {
      w.write(old);
    }
    Files.copy(
        Files.list(dir.resolve("figures/commercial")).findFirst().orElseThrow(),
        shard.resolveSibling("part-new.parquet"));

    assertThat(
            Duck.rows(
                "SELECT kafka_offset = 1000, ocr IS NULL FROM read_parquet('"
                    + dir
                    + "/old/figures/*/*.parquet', union_by_name = true) WHERE pair_id = '"
                    + READ.pairId()
                    + "' ORDER BY 1"))
        .containsExactly(List.of(false, false), List.of(true, true));
  }

  private static String figures() {
    return "read_parquet('" + dir + "/figures/*/*.parquet')";
  }

  private static FigureRecord figure(String media) {
    return ARTICLE.figures().stream()
        .filter(f -> media.equals(f.mediaFile()))
        .findFirst()
        .orElseThrow();
  }

  static Path repository() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("records/schemas"))) {
        return p;
      }
    }
    throw new IllegalStateException("not inside the figstream repository");
  }
}
