package org.figstream.records.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.FileRef;
import org.junit.jupiter.api.Test;

/** The single-object codec against plain Avro, the reader a mirror has. */
class RecordCodecTest {
  private static final ArticleMetadata METADATA =
      new ArticleMetadata(
          "PMC10009416",
          1,
          "36890012",
          "10.1000/x.1",
          "A title",
          "J. 2023;1:1",
          "CC BY",
          true,
          false,
          false,
          false,
          new FileRef("s3://pmc-oa-opendata/PMC10009416.1/PMC10009416.1.xml?md5=ab", "ab"),
          null,
          null,
          List.of(new FileRef("s3://pmc-oa-opendata/PMC10009416.1/fig1.jpg", null)),
          Map.of("extra", "1"));
  private static final Announcement ANNOUNCEMENT =
      new Announcement(
          Change.VERSION,
          "metadata/PMC10009416.1.json",
          "PMC10009416",
          1,
          "\"e1\"",
          "2026-11-21T01:00:00Z",
          "2026-11-21T01-00Z",
          METADATA);

  @Test
  void shouldWriteTheHeaderOfAvrosSingleObjectEncoding() {
    byte[] bytes = RecordCodecs.ANNOUNCEMENTS.encode(ANNOUNCEMENT, "article-versions");

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong())
        .isEqualTo(SchemaNormalization.parsingFingerprint64(RecordSchemas.ANNOUNCEMENT));
  }

  @Test
  void shouldRoundTripAndBeReadByPlainAvro() throws IOException {
    byte[] bytes = RecordCodecs.ANNOUNCEMENTS.encode(ANNOUNCEMENT, "article-versions");

    assertThat(RecordCodecs.ANNOUNCEMENTS.decode(bytes, "article-versions"))
        .isEqualTo(ANNOUNCEMENT);
    GenericRecord plain = RecordSchemas.genericDecoder(RecordSchemas.ANNOUNCEMENT).decode(bytes);
    assertThat(plain.get("pmcid")).hasToString("PMC10009416");
    assertThat(plain.get("change")).hasToString("VERSION");
    assertThat(((GenericRecord) plain.get("metadata")).get("licenseCode")).hasToString("CC BY");
  }

  @Test
  void shouldKeepNullsAsTombstones() {
    assertThat(RecordCodecs.FIGURES.encode(null, "figures")).isNull();
    assertThat(RecordCodecs.FIGURES.decode(null, "figures")).isNull();
  }

  @Test
  void shouldRefuseBytesItCannotKnowNamingWhere() {
    byte[] json = "{\"pmcid\":\"PMC1\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RecordCodecs.ANNOUNCEMENTS.decode(json, "article-versions"))
        .isInstanceOf(RecordCodec.CodecException.class)
        .hasMessage("record on article-versions is not in Avro single-object encoding");
    byte[] unknown = RecordCodec.header(Schema.create(Schema.Type.STRING));
    assertThatThrownBy(() -> RecordCodecs.ANNOUNCEMENTS.decode(unknown, "article-versions"))
        .isInstanceOf(RecordCodec.CodecException.class)
        .hasMessageContaining("record on article-versions was written with an unknown schema");
  }

  @Test
  void shouldResolveEveryOlderVersionOfARecordForPlainReaders() throws IOException {
    Schema v1 = RecordSchemas.all().get("figure.v1");
    assertThat(v1).isNotEqualTo(RecordSchemas.FIGURE);
    GenericData.Record figure = new GenericData.Record(nonNull(v1.getField("figure").schema()));
    for (Schema.Field f : figure.getSchema().getFields()) {
      figure.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f) : null);
    }
    figure.put("pairId", "PMC1/fig1/1");
    figure.put("articleKey", "PMC1");
    figure.put(
        "kind",
        new GenericData.EnumSymbol(
            nonNull(figure.getSchema().getField("kind").schema()), "figure"));
    figure.put("figureId", "fig1");
    figure.put("graphicIndex", 1);
    figure.put("caption", "A caption.");
    figure.put("mentions", List.of());
    GenericData.Record published = new GenericData.Record(v1);
    published.put("figure", figure);
    published.put("imageProblem", "missing");
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(published).array();

    GenericRecord read = RecordSchemas.genericDecoder(RecordSchemas.FIGURE).decode(bytes);

    assertThat(read.getSchema()).isEqualTo(RecordSchemas.FIGURE);
    assertThat(((GenericRecord) read.get("figure")).get("pairId")).hasToString("PMC1/fig1/1");
    assertThat(read.get("imageProblem")).hasToString("missing");
    assertThat(read.get("article")).isNull();
  }

  @Test
  void shouldListEverySchemaFileOfTheSchemasFolder() throws IOException {
    List<String> files;
    try (Stream<Path> all = Files.list(Path.of("schemas"))) {
      files =
          all.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".avsc"))
              .map(n -> n.substring(0, n.length() - ".avsc".length()))
              .sorted()
              .toList();
    }
    List<String> known =
        Stream.concat(
                RecordSchemas.all().keySet().stream(),
                Stream.of("dataset-figure.v2", "dataset-figure.v3", "dataset-delete.v1"))
            .sorted()
            .toList();
    assertThat(known)
        .as("a schema file that RecordSchemas does not list is never read")
        .isEqualTo(files);
    assertThat(RecordSchemas.FIGURE_ROW.getName()).isNotEqualTo(RecordSchemas.FIGURE.getName());
  }

  private static Schema nonNull(Schema s) {
    return s.getType() == Schema.Type.UNION
        ? s.getTypes().stream()
            .filter(b -> b.getType() != Schema.Type.NULL)
            .findFirst()
            .orElseThrow()
        : s;
  }
}
