package org.figstream.loadtest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.connectors.sink.rows.FigureRows;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.SampleRecords;
import org.figstream.records.ArticleKeys;
import org.figstream.records.FigureRecord;
import org.figstream.records.NormalizedImage;
import org.figstream.records.Provenance;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Taxonomy;
import org.figstream.records.codec.RecordCodecs;
import org.figstream.records.codec.RecordSchemas;

/**
 * {@code figures} topic records and dataset rows built from the sample articles, for the Parquet
 * benchmark: every figure-caption pair the extractor finds, with its real normalised JPEG (or
 * {@code missing} when the article came without the file), its mentions, the article's key fields
 * and a provenance. The embeddings are seeded random unit vectors of the built-in encoders' sizes
 * (1280 for the image, 384 for the caption: random floats compress as badly as real ones, which is
 * the point) and the labels are drawn from BIOMEDICA's taxonomy. The pairs are repeated to reach
 * the wanted row count; each repeat gets its own pair id and its own copy of the JPEG with a
 * comment segment naming the copy, so that no writer can dictionary-encode or deduplicate images a
 * real dataset would not repeat. The records are {@link SampleRecords}' record types encoded by
 * {@link RecordCodecs}, and the rows are what the sink makes of those bytes.
 */
final class SampleFigureRows {
  static final int IMAGE_DIMENSIONS = 1280;
  static final int CAPTION_DIMENSIONS = 384;
  static final String TOPIC = "figures";

  /** One extracted pair with what the pipeline would have added to it. */
  private record Pair(FigureRecord figure, NormalizedImage image, ArticleKeys article) {}

  /**
   * @param rows the dataset rows, as {@code FigureRows.row} makes them from the topic records
   * @param records the same rows as topic records: Avro single-object bytes of figure.v3
   * @param samplePairs how many distinct sample pairs were repeated
   * @param sampleImages how many of them have an image
   * @param imageBytes total JPEG bytes over all rows
   * @param payloadBytes total Avro binary size of the rows (dataset-figure.v3): the input both
   *     writers get
   */
  record Rows(
      List<GenericRecord> rows,
      List<TopicRecord> records,
      int samplePairs,
      int sampleImages,
      long imageBytes,
      long payloadBytes) {}

  private SampleFigureRows() {}

  static Rows build(int count) {
    List<Pair> pairs = samplePairs();
    Taxonomy taxonomy = Taxonomy.biomedica();
    Random random = new Random(42);
    // the sink's own reading of the bytes: what DatasetSink.write decodes before FigureRows
    BinaryMessageDecoder<GenericRecord> decoder =
        RecordSchemas.genericDecoder(RecordSchemas.FIGURE);
    List<GenericRecord> rows = new ArrayList<>(count);
    List<TopicRecord> records = new ArrayList<>(count);
    long imageBytes = 0;
    long processedAt = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < count; i++) {
      Pair pair = pairs.get(i % pairs.size());
      int copy = i / pairs.size();
      PublishedFigure published = published(pair, copy, taxonomy, random, processedAt + i);
      byte[] bytes = RecordCodecs.FIGURES.encode(published, TOPIC);
      TopicRecord record =
          new TopicRecord(TOPIC, 0, i, processedAt + i, published.pairId(), bytes, null);
      records.add(record);
      GenericRecord row;
      try {
        row = FigureRows.row(decoder.decode(bytes), record);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      rows.add(row);
      if (row.get("image") instanceof GenericRecord image
          && image.get("bytes") instanceof ByteBuffer jpeg) {
        imageBytes += jpeg.remaining();
      }
    }
    int images = (int) pairs.stream().filter(p -> p.image() != null).count();
    return new Rows(
        Collections.unmodifiableList(rows),
        Collections.unmodifiableList(records),
        pairs.size(),
        images,
        imageBytes,
        avroSize(rows));
  }

  private static List<Pair> samplePairs() {
    ImageNormalizer normalizer = new ImageNormalizer();
    List<Pair> pairs = new ArrayList<>();
    for (SampleRecords.Extracted e : SampleRecords.articles()) {
      ArticleKeys keys = ArticleKeys.of(e.article());
      for (FigureRecord f : e.figures()) {
        pairs.add(new Pair(f, e.image(f, normalizer), keys));
      }
    }
    return pairs;
  }

  private static PublishedFigure published(
      Pair pair, int copy, Taxonomy taxonomy, Random random, long processedAt) {
    FigureRecord f =
        copy == 0 ? pair.figure() : renamed(pair.figure(), pair.figure().pairId() + "~" + copy);
    NormalizedImage n = pair.image();
    NormalizedImage image =
        n == null || copy == 0
            ? n
            : new NormalizedImage(
                withComment(n.jpeg(), "figstream copy " + copy),
                n.width(),
                n.height(),
                n.originalWidth(),
                n.originalHeight(),
                n.originalFormat(),
                n.pixelSha256(),
                n.perceptualHash());
    PublishedFigure out = SampleRecords.published(f, image);
    if (image != null) {
      out =
          out.withEmbeddings(
                  SampleRecords.embedding("mobilenet-v2-nsfwjs", IMAGE_DIMENSIONS, random), null)
              .withLabels(SampleRecords.labels(taxonomy, random));
    }
    if (f.caption() != null) {
      out =
          out.withEmbeddings(
              out.imageEmbedding(),
              SampleRecords.embedding("all-MiniLM-L6-v2", CAPTION_DIMENSIONS, random));
    }
    ArticleKeys a = pair.article();
    return out.withProvenance(
            new Provenance(
                a.pmcid(),
                a.version() == null ? 1 : a.version(),
                "folder:samples/articles",
                Instant.ofEpochMilli(processedAt),
                "0.1.0-SNAPSHOT"))
        .withArticle(a);
  }

  /** The pair under another pair id: a repeat of it in the benchmark's rows. */
  private static FigureRecord renamed(FigureRecord f, String pairId) {
    return new FigureRecord(
        pairId,
        f.articleKey(),
        f.kind(),
        f.figureId(),
        f.graphicIndex(),
        f.groupId(),
        f.parentId(),
        f.specificUse(),
        f.context(),
        f.label(),
        f.captionTitle(),
        f.caption(),
        f.doi(),
        f.href(),
        f.mediaFile(),
        f.mentions());
  }

  /** The JPEG with a COM segment right after SOI: a different byte string, the same pixels. */
  static byte[] withComment(byte[] jpeg, String comment) {
    byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
    int length = text.length + 2;
    byte[] out = new byte[jpeg.length + 2 + length];
    out[0] = jpeg[0];
    out[1] = jpeg[1];
    out[2] = (byte) 0xFF;
    out[3] = (byte) 0xFE;
    out[4] = (byte) (length >> 8);
    out[5] = (byte) length;
    System.arraycopy(text, 0, out, 6, text.length);
    System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
    return out;
  }

  private static long avroSize(List<GenericRecord> rows) {
    long[] count = {0};
    OutputStream counter =
        new OutputStream() {
          @Override
          public void write(int b) {
            count[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            count[0] += len;
          }
        };
    GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(RecordSchemas.FIGURE_ROW);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(counter, null);
    try {
      for (GenericRecord row : rows) {
        writer.write(row, encoder);
      }
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }
}
