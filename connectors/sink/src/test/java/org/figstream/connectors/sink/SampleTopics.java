package org.figstream.connectors.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.figstream.records.Article;
import org.figstream.records.ArticleKeys;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.records.FigureRecord;
import org.figstream.records.Mention;
import org.figstream.records.NormalizedImage;
import org.figstream.records.codec.RecordSchemas;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;

/**
 * The sample articles as the sink receives them: figure.v2 and article.v1 records in Avro's single-object
 * encoding, built here with plain Avro from the extractor's output, independently of the topology's
 * serialisation. Records alternate between two partitions as keyed records would.
 */
final class SampleTopics {
  static final int IMAGE_DIMS = 8;
  static final int CAPTION_DIMS = 4;

  /** Every sample article with its figures, in folder order. */
  static final List<ExtractedArticle> ARTICLES = extractAll();

  private final List<TopicRecord> records = new ArrayList<>();
  private final long[] next = new long[2];

  private SampleTopics() {}

  static List<ExtractedArticle> extractAll() {
    List<ExtractedArticle> out = new ArrayList<>();
    for (SampleArticles.Sample s : SampleArticles.all()) {
      out.add(new JatsExtractor().extract(s.xml(), s.media()).get(0));
    }
    return out;
  }

  /** All 82 pairs and 9 articles, with {@code nonCommercial} articles given a CC BY-NC license. */
  static SampleTopics upsertAll(List<String> nonCommercial) {
    SampleTopics t = new SampleTopics();
    for (ExtractedArticle a : ARTICLES) {
      String subset = nonCommercial.contains(a.article().articleKey()) ? "noncommercial" : "commercial";
      t.article(a.article(), subset);
      for (FigureRecord f : a.figures()) {
        t.figure(f, a.article(), subset);
      }
    }
    return t;
  }

  /** No records yet: for tests that pick their own. */
  static SampleTopics empty() {
    return new SampleTopics();
  }

  List<TopicRecord> records() {
    return records;
  }

  SampleTopics figure(FigureRecord f, Article a, String subset) {
    return figure(f, a, subset, null);
  }

  SampleTopics figure(FigureRecord f, Article a, String subset, NormalizedImage image) {
    GenericRecord published = figureRecord(f, a, subset);
    if (image != null) {
      GenericData.Record i = new GenericData.Record(nonNull(RecordSchemas.FIGURE.getField("image").schema()));
      i.put("jpeg", java.nio.ByteBuffer.wrap(image.jpeg()));
      i.put("width", image.width());
      i.put("height", image.height());
      i.put("originalWidth", image.originalWidth());
      i.put("originalHeight", image.originalHeight());
      i.put("originalFormat", image.originalFormat());
      i.put("pixelSha256", image.pixelSha256());
      i.put("perceptualHash", image.perceptualHash());
      published.put("image", i);
      published.put("imageProblem", null);
    }
    add("figures", f.pairId(), encode(RecordSchemas.FIGURE, published), null);
    return this;
  }

  SampleTopics article(Article a, String subset) {
    GenericData.Record r = new GenericData.Record(RecordSchemas.ARTICLE);
    Schema s = RecordSchemas.ARTICLE;
    r.put("articleKey", a.articleKey());
    r.put("pmcid", a.pmcid());
    r.put("version", a.version());
    r.put("doi", a.doi());
    r.put("title", a.title());
    r.put("articleIds", a.articleIds());
    r.put("pubDates", List.of());
    r.put("subset", new GenericData.EnumSymbol(s.getField("subset").schema(), subset));
    r.put("keywords", a.keywords());
    r.put("subjects", List.of());
    r.put("abstracts", List.of());
    r.put("relatedArticles", List.of());
    add("articles", a.articleKey(), encode(s, r), null);
    return this;
  }

  SampleTopics tombstone(String topic, String key, String reason) {
    add(topic, key, null, reason);
    return this;
  }

  private void add(String topic, String key, byte[] value, String reason) {
    int partition = Math.floorMod(key.hashCode(), 2);
    long offset = next[partition]++;
    records.add(new TopicRecord(topic, partition, offset, 1_700_000_000_000L + records.size(), key, value, reason));
  }

  static GenericRecord figureRecord(FigureRecord f, Article a, String subset) {
    Schema s = RecordSchemas.FIGURE;
    GenericData.Record figure = new GenericData.Record(s.getField("figure").schema());
    figure.put("pairId", f.pairId());
    figure.put("articleKey", f.articleKey());
    figure.put("kind", new GenericData.EnumSymbol(figure.getSchema().getField("kind").schema(), f.kind().toString()));
    figure.put("figureId", f.figureId());
    figure.put("graphicIndex", f.graphicIndex());
    figure.put("label", f.label());
    figure.put("caption", f.caption());
    figure.put("mediaFile", f.mediaFile());
    Schema mention = figure.getSchema().getField("mentions").schema().getElementType();
    List<GenericRecord> mentions = new ArrayList<>();
    for (Mention m : f.mentions()) {
      GenericData.Record r = new GenericData.Record(mention);
      r.put("xrefText", m.xrefText());
      r.put("sentence", m.sentence());
      mentions.add(r);
    }
    figure.put("mentions", mentions);
    GenericData.Record published = new GenericData.Record(s);
    published.put("figure", figure);
    published.put("imageProblem", f.mediaFile() == null ? "missing" : null);
    Random random = new Random(f.pairId().hashCode());
    published.put("imageEmbedding", embedding(s, "imageEmbedding", "test-image", random, IMAGE_DIMS));
    published.put("captionEmbedding", embedding(s, "captionEmbedding", "test-caption", random, CAPTION_DIMS));
    ArticleKeys keys = ArticleKeys.of(a);
    Schema keySchema = nonNull(s.getField("article").schema());
    GenericData.Record article = new GenericData.Record(keySchema);
    article.put("pmcid", keys.pmcid());
    article.put("doi", keys.doi());
    article.put("journal", keys.journal());
    article.put("year", keys.year());
    article.put("licenseCode", subset.equals("commercial") ? "CC BY" : "CC BY-NC");
    article.put("subset", new GenericData.EnumSymbol(keySchema.getField("subset").schema(), subset));
    published.put("article", article);
    return published;
  }

  private static GenericRecord embedding(Schema s, String field, String model, Random random, int dims) {
    GenericData.Record e = new GenericData.Record(nonNull(s.getField(field).schema()));
    List<Float> vector = new ArrayList<>();
    for (int i = 0; i < dims; i++) {
      vector.add(random.nextFloat());
    }
    e.put("model", model);
    e.put("vector", vector);
    return e;
  }

  static Schema nonNull(Schema union) {
    return union.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
  }

  static byte[] encode(Schema schema, GenericRecord r) {
    try {
      return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(r).array();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
