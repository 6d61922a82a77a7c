package org.figstream.records.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import org.figstream.records.OcrBox;
import org.figstream.records.OcrLine;
import org.figstream.records.PublishedFigure;
import org.junit.jupiter.api.Test;

/**
 * figure.v3's {@code ocr}: null (not run) and empty (run, nothing read) stay apart, and records of
 * every older version, written by plain Avro as an older figstream wrote them, still decode with
 * {@code ocr} null.
 */
class FigureVersionsTest {
  private static final FigureRecord FIGURE =
      new FigureRecord(
          "PMC1/fig1/1",
          "PMC1",
          FigureKind.FIGURE,
          "fig1",
          1,
          null,
          null,
          null,
          "body",
          "Figure 1.",
          null,
          "A caption.",
          null,
          "fig1",
          "fig1.jpg",
          List.of());

  @Test
  void shouldKeepNotRunApartFromReadNothing() {
    PublishedFigure notRun = PublishedFigure.withoutImage(FIGURE, "missing");
    PublishedFigure nothing = notRun.withOcr(List.of());
    PublishedFigure read =
        notRun.withOcr(
            List.of(
                new OcrLine("Time (min)", new OcrBox(120, 400, 88, 17), 0.97f),
                new OcrLine("Saline", new OcrBox(30, 5, 41, 14), 0.99f)));

    for (PublishedFigure f : List.of(notRun, nothing, read)) {
      byte[] bytes = RecordCodecs.FIGURES.encode(f, "figures");
      assertThat(RecordCodecs.FIGURES.decode(bytes, "figures")).isEqualTo(f);
    }
    assertThat(decode(notRun).ocr()).isNull();
    assertThat(decode(nothing).ocr()).isEmpty();
    assertThat(decode(read).ocr())
        .extracting(OcrLine::text)
        .containsExactly("Time (min)", "Saline");
  }

  @Test
  void shouldBeReadByPlainAvroWithTheBoxAsAStruct() throws Exception {
    PublishedFigure read =
        PublishedFigure.withoutImage(FIGURE, "missing")
            .withOcr(List.of(new OcrLine("Saline", new OcrBox(30, 5, 41, 14), 0.99f)));

    GenericRecord plain =
        RecordSchemas.genericDecoder(RecordSchemas.FIGURE)
            .decode(RecordCodecs.FIGURES.encode(read, "figures"));

    GenericRecord line = (GenericRecord) ((List<?>) plain.get("ocr")).get(0);
    assertThat(line.get("text")).hasToString("Saline");
    assertThat(((GenericRecord) line.get("box")).get("width")).isEqualTo(41);
    assertThat(line.get("score")).isEqualTo(0.99f);
  }

  @Test
  void shouldDecodeFigureV1AndV2RecordsWithOcrNull() throws Exception {
    for (String version : List.of("figure.v1", "figure.v2")) {
      Schema older = RecordSchemas.all().get(version);
      assertThat(older.getField("ocr")).isNull();

      PublishedFigure decoded =
          RecordCodecs.FIGURES.decode(writtenWith(older), "figures from " + version);

      assertThat(decoded.pairId()).isEqualTo("PMC1/fig1/1");
      assertThat(decoded.imageProblem()).isEqualTo("missing");
      assertThat(decoded.ocr()).as(version).isNull();
      assertThat(RecordSchemas.genericDecoder(RecordSchemas.FIGURE).decode(writtenWith(older)))
          .satisfies(g -> assertThat(g.get("ocr")).isNull());
    }
  }

  @Test
  void shouldDecodeEnrichedArticlesOfVersionTwo() throws Exception {
    Schema v2 = RecordSchemas.all().get("enriched-article.v2");
    GenericData.Record enriched = new GenericData.Record(v2);
    enriched.put("pmcid", "PMC1");
    enriched.put("version", 1);
    enriched.put("withdrawn", false);
    enriched.put("figures", List.of(published(v2.getField("figures").schema().getElementType())));
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v2).encode(enriched).array();

    var decoded = RecordCodecs.ENRICHED.decode(bytes, "figstream-enriched");

    assertThat(decoded.figures()).singleElement().satisfies(f -> assertThat(f.ocr()).isNull());
  }

  private static PublishedFigure decode(PublishedFigure f) {
    return RecordCodecs.FIGURES.decode(RecordCodecs.FIGURES.encode(f, "figures"), "figures");
  }

  /** A figure without image in {@code schema}, single-object encoded by plain Avro. */
  private static byte[] writtenWith(Schema schema) throws Exception {
    return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema)
        .encode(published(schema))
        .array();
  }

  private static GenericData.Record published(Schema schema) {
    Schema figureSchema = nonNull(schema.getField("figure").schema());
    GenericData.Record figure = new GenericData.Record(figureSchema);
    for (Schema.Field f : figureSchema.getFields()) {
      figure.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f) : null);
    }
    figure.put("pairId", "PMC1/fig1/1");
    figure.put("articleKey", "PMC1");
    figure.put(
        "kind", new GenericData.EnumSymbol(figureSchema.getField("kind").schema(), "figure"));
    figure.put("graphicIndex", 1);
    figure.put("mentions", List.of());
    GenericData.Record published = new GenericData.Record(schema);
    published.put("figure", figure);
    published.put("imageProblem", "missing");
    return published;
  }

  private static Schema nonNull(Schema s) {
    return s.getType() == Schema.Type.UNION
        ? s.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).findFirst().get()
        : s;
  }
}
