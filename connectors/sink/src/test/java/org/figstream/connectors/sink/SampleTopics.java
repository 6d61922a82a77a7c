package org.figstream.connectors.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.testdata.SampleRecords;
import org.figstream.records.Article;
import org.figstream.records.ArticleKeys;
import org.figstream.records.FigureRecord;
import org.figstream.records.LicenseCode;
import org.figstream.records.NormalizedImage;
import org.figstream.records.OcrLine;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Topics;
import org.figstream.records.codec.RecordCodecs;
import org.figstream.records.codec.RecordSchemas;

/**
 * The sample articles as the sink receives them: figure.v3 and article.v1 records built by {@link
 * SampleRecords} and encoded by {@link RecordCodecs}, the topology's own codec. Records alternate
 * between two partitions as keyed records would.
 */
final class SampleTopics {
  static final int IMAGE_DIMS = 8;
  static final int CAPTION_DIMS = 4;

  /** Every sample article with its figures, in folder order. */
  static final List<ExtractedArticle> ARTICLES =
      SampleRecords.articles().stream().map(SampleRecords.Extracted::extracted).toList();

  private final List<TopicRecord> records = new ArrayList<>();
  private final long[] next = new long[2];

  private SampleTopics() {}

  /** All 82 pairs and 9 articles, with {@code nonCommercial} articles given a CC BY-NC license. */
  static SampleTopics upsertAll(List<String> nonCommercial) {
    SampleTopics t = new SampleTopics();
    for (ExtractedArticle a : ARTICLES) {
      String subset =
          nonCommercial.contains(a.article().articleKey()) ? "noncommercial" : "commercial";
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
    return figure(f, a, subset, image, null);
  }

  /** With the lines OCR read in the image; null: OCR did not run. */
  SampleTopics figure(
      FigureRecord f, Article a, String subset, NormalizedImage image, List<OcrLine> ocr) {
    // seeded by the pair, so that a pair published again carries the same vectors
    Random random = new Random(f.pairId().hashCode());
    PublishedFigure published =
        SampleRecords.published(f, image)
            .withEmbeddings(
                SampleRecords.embedding("test-image", IMAGE_DIMS, random),
                SampleRecords.embedding("test-caption", CAPTION_DIMS, random))
            .withArticle(ArticleKeys.of(licensed(a, subset)))
            .withOcr(ocr);
    add(Topics.FIGURES, f.pairId(), RecordCodecs.FIGURES.encode(published, Topics.FIGURES), null);
    return this;
  }

  SampleTopics article(Article a, String subset) {
    add(
        Topics.ARTICLES,
        a.articleKey(),
        RecordCodecs.ARTICLES.encode(licensed(a, subset), Topics.ARTICLES),
        null);
    return this;
  }

  /**
   * {@code a} as an older figstream published it: an article.v1 record (no PubMed citation), with
   * the single-object header of article.v1.
   */
  SampleTopics articleV1(Article a, String subset) {
    Schema v1 = RecordSchemas.all().get("article.v1");
    try {
      GenericRecord v2 =
          RecordSchemas.genericDecoder(RecordSchemas.ARTICLE)
              .decode(RecordCodecs.ARTICLES.encode(licensed(a, subset), Topics.ARTICLES));
      // article.v2 only appends pubmed: the first fields are article.v1's, in its order
      GenericRecord old = GenericData.get().deepCopy(v1, v2);
      ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
      byte[] value = new byte[bytes.remaining()];
      bytes.get(value);
      add(Topics.ARTICLES, a.articleKey(), value, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  SampleTopics tombstone(String topic, String key, String reason) {
    add(topic, key, null, reason);
    return this;
  }

  /** The samples are all CC BY; the tests re-license some to exercise the subset split. */
  private static Article licensed(Article a, String subset) {
    return SampleRecords.relicensed(
        a, subset.equals("commercial") ? LicenseCode.CC_BY : LicenseCode.CC_BY_NC);
  }

  private void add(String topic, String key, byte[] value, String reason) {
    int partition = Math.floorMod(key.hashCode(), 2);
    long offset = next[partition]++;
    records.add(
        new TopicRecord(
            topic, partition, offset, 1_700_000_000_000L + records.size(), key, value, reason));
  }
}
