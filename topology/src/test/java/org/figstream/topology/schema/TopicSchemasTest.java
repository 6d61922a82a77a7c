package org.figstream.topology.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleRecords;
import org.figstream.records.Announcement;
import org.figstream.records.Article;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.ConceptLabels;
import org.figstream.records.ConceptScore;
import org.figstream.records.DeadLetter;
import org.figstream.records.Embedding;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.NormalizedImage;
import org.figstream.records.Provenance;
import org.figstream.records.PublishedFigure;
import org.figstream.records.PubmedRecord;
import org.figstream.records.codec.RecordCodec;
import org.figstream.records.codec.RecordSchemas;
import org.junit.jupiter.api.Test;

/** The topic schemas against the records they carry, on every sample article. */
class TopicSchemasTest {
  private static final List<ExtractedArticle> SAMPLES =
      SampleRecords.articles().stream().map(SampleRecords.Extracted::extracted).toList();

  @Test
  void shouldDeclareExactlyTheFieldsOfTheRecords() {
    assertSameShape(Announcement.class, RecordSchemas.ANNOUNCEMENT);
    assertSameShape(PublishedFigure.class, RecordSchemas.FIGURE);
    assertSameShape(Article.class, RecordSchemas.ARTICLE);
    assertSameShape(DeadLetter.class, RecordSchemas.DEAD_LETTER);
    assertSameShape(EnrichedArticle.class, RecordSchemas.ENRICHED_ARTICLE);
    assertSameShape(PubmedRecord.class, RecordSchemas.PUBMED);
  }

  @Test
  void shouldRoundTripEveryArticleAndPairOfTheSamples() {
    Serde<Article> articles = TopicSerdes.articles();
    Serde<PublishedFigure> figures = TopicSerdes.figures();
    int pairs = 0;
    for (ExtractedArticle e : SAMPLES) {
      byte[] bytes = articles.serializer().serialize("articles", e.article());
      assertThat(articles.deserializer().deserialize("articles", bytes)).isEqualTo(e.article());
      for (var figure : e.figures()) {
        PublishedFigure f = PublishedFigure.withoutImage(figure, "missing");
        assertThat(
                figures
                    .deserializer()
                    .deserialize("figures", figures.serializer().serialize("figures", f)))
            .isEqualTo(f);
        pairs++;
      }
    }
    // 82 pairs in the 9 sample articles, counted from the XML in SampleArticleCountsTest
    assertThat(pairs).isEqualTo(82);
  }

  @Test
  void shouldBeReadableByPlainAvroWithTheSchemaFile() throws Exception {
    NormalizedImage image =
        new ImageNormalizer()
            .normalize(
                Files.readAllBytes(
                    SampleArticles.root().resolve("pone.0056489/pone.0056489.g001.tif")));
    float[] vector = {0.25f, -1.5f, 3.0f};
    PublishedFigure f =
        PublishedFigure.withImage(SAMPLES.get(0).figures().get(0), image)
            .withEmbeddings(new Embedding("test-image", vector), null)
            .withLabels(
                new ConceptLabels(
                    "zero-shot",
                    "single",
                    List.of(new ConceptScore("microscopy", 0.75f)),
                    List.of()))
            .withProvenance(
                new Provenance(
                    "PMC1",
                    2,
                    "2026-11-20T01-00Z",
                    Instant.ofEpochMilli(1_700_000_000_123L),
                    "dev"))
            .duplicating("PMC9/fig1/1", "near");
    byte[] bytes = TopicSerdes.figures().serializer().serialize("figures", f);

    assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0xC3, 0x01);
    assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong())
        .isEqualTo(RecordSchemas.fingerprint(RecordSchemas.FIGURE));
    // the embedding is packed 32-bit little-endian floats, not text
    ByteBuffer packed =
        ByteBuffer.allocate(12)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putFloat(0.25f)
            .putFloat(-1.5f)
            .putFloat(3.0f);
    assertThat(indexOf(bytes, packed.array())).isPositive();

    Schema schema;
    try (var in =
        Files.newInputStream(java.nio.file.Path.of("../records/schemas/figure.v3.avsc"))) {
      schema = new Schema.Parser().parse(in);
    }
    GenericRecord read =
        new BinaryMessageDecoder<GenericRecord>(GenericData.get(), schema).decode(bytes);
    assertThat(read.get("duplicateOf").toString()).isEqualTo("PMC9/fig1/1");
    assertThat(((GenericRecord) read.get("image")).get("perceptualHash"))
        .isEqualTo(image.perceptualHash());
    assertThat(((GenericRecord) read.get("imageEmbedding")).get("vector"))
        .asList()
        .containsExactly(0.25f, -1.5f, 3.0f);
    assertThat(((GenericRecord) read.get("provenance")).get("processedAt"))
        .isIn(1_700_000_000_123L, Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(((GenericRecord) read.get("figure")).get("kind").toString()).isEqualTo("figure");
    assertThat(TopicSerdes.figures().deserializer().deserialize("figures", bytes)).isEqualTo(f);
  }

  @Test
  void shouldRoundTripAnnouncementsAndDeadLettersAndKeepTombstonesNull() {
    ArticleMetadata meta =
        new ArticleMetadata(
            "PMC1",
            3,
            null,
            "10.1/x",
            "T",
            null,
            "CC BY",
            true,
            false,
            false,
            true,
            null,
            null,
            null,
            List.of(),
            Map.of("extra", "[1]"));
    Announcement a =
        new Announcement(
            org.figstream.records.Change.VERSION,
            "metadata/PMC1.3.json",
            "PMC1",
            3,
            "\"e\"",
            null,
            "esearch",
            meta);
    Serde<Announcement> serde = TopicSerdes.announcements();
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", a)))
        .isEqualTo(a);
    DeadLetter d =
        new DeadLetter(
            "fetch", "http-404", "gone", "https://x/y", null, 6, Instant.ofEpochMilli(42));
    Serde<DeadLetter> dl = TopicSerdes.deadLetters();
    assertThat(dl.deserializer().deserialize("dlq", dl.serializer().serialize("dlq", d)))
        .isEqualTo(d);
    assertThat(TopicSerdes.figures().serializer().serialize("figures", null)).isNull();
    assertThat(TopicSerdes.figures().deserializer().deserialize("figures", null)).isNull();
  }

  @Test
  void shouldReadAFigureWrittenWithVersionOneWithoutItsArticleKeys() throws Exception {
    var figure = SAMPLES.get(0).figures().get(0);
    Schema v1;
    try (var in =
        Files.newInputStream(java.nio.file.Path.of("../records/schemas/figure.v1.avsc"))) {
      v1 = new Schema.Parser().parse(in);
    }
    // a figure.v1 record as a figstream before figure.v2 wrote it, with plain Avro
    GenericData.Record f = new GenericData.Record(v1.getField("figure").schema());
    f.put("pairId", figure.pairId());
    f.put("articleKey", figure.articleKey());
    f.put("kind", new GenericData.EnumSymbol(f.getSchema().getField("kind").schema(), "figure"));
    f.put("graphicIndex", figure.graphicIndex());
    f.put("caption", figure.caption());
    f.put("mentions", List.of());
    GenericData.Record published = new GenericData.Record(v1);
    published.put("figure", f);
    published.put("imageProblem", "missing");
    byte[] bytes =
        new org.apache.avro.message.BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1)
            .encode(published)
            .array();

    PublishedFigure read = TopicSerdes.figures().deserializer().deserialize("figures", bytes);
    assertThat(read.pairId()).isEqualTo(figure.pairId());
    assertThat(read.figure().caption()).isEqualTo(figure.caption());
    assertThat(read.imageProblem()).isEqualTo("missing");
    assertThat(read.article()).isNull();
    assertThat(RecordSchemas.FIGURE.getField("article")).isNotNull();
  }

  @Test
  void shouldRefuseRecordsItCannotKnow() {
    byte[] json = "{\"pmcid\":\"PMC1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> TopicSerdes.announcements().deserializer().deserialize("article-versions", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not in Avro single-object encoding");
    byte[] unknown = RecordCodec.header(Schema.create(Schema.Type.STRING));
    assertThatThrownBy(
            () ->
                TopicSerdes.announcements().deserializer().deserialize("article-versions", unknown))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema");
  }

  private static void assertSameShape(Class<?> type, Schema schema) {
    Schema s = nonNull(schema);
    if (type.isRecord()) {
      assertThat(s.getFields().stream().map(Schema.Field::name).toList())
          .as(type.getSimpleName())
          .isEqualTo(
              Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
      for (RecordComponent c : type.getRecordComponents()) {
        assertShape(
            c.getGenericType(),
            s.getField(c.getName()).schema(),
            type.getSimpleName() + "." + c.getName());
      }
    }
  }

  private static void assertShape(Type t, Schema schema, String where) {
    Schema s = nonNull(schema);
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      assertThat(s.getType()).as(where).isEqualTo(Schema.Type.ARRAY);
      assertShape(p.getActualTypeArguments()[0], s.getElementType(), where + "[]");
    } else if (t instanceof ParameterizedType p && p.getRawType() == Map.class) {
      assertThat(s.getType()).as(where).isEqualTo(Schema.Type.MAP);
    } else if (t instanceof Class<?> c && c.isRecord()) {
      assertThat(s.getType()).as(where).isEqualTo(Schema.Type.RECORD);
      assertSameShape(c, s);
    } else if (t instanceof Class<?> c && c.isEnum()) {
      assertThat(s.getType()).as(where).isIn(Schema.Type.ENUM, Schema.Type.STRING);
      if (s.getType() == Schema.Type.ENUM) {
        assertThat(s.getEnumSymbols())
            .as(where)
            .isEqualTo(Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
      }
    }
  }

  private static Schema nonNull(Schema s) {
    return s.getType() == Schema.Type.UNION
        ? s.getTypes().stream()
            .filter(b -> b.getType() != Schema.Type.NULL)
            .findFirst()
            .orElseThrow()
        : s;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
