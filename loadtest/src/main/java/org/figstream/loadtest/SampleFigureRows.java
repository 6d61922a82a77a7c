package org.figstream.loadtest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.figstream.records.ArticleKeys;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.records.FigureRecord;
import org.figstream.records.Mention;
import org.figstream.records.NormalizedImage;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.connectors.sink.rows.FigureRows;
import org.figstream.records.codec.RecordSchemas;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.Taxonomy;

/**
 * {@code figures} topic records and dataset rows built from the sample articles, for the Parquet
 * benchmark: every figure-caption pair the extractor finds, with its real normalised JPEG (or
 * {@code missing} when the article came without the file), its mentions, the article's key fields and a
 * provenance. The embeddings are seeded random unit vectors of the built-in encoders' sizes (1280 for
 * the image, 384 for the caption: random floats compress as badly as real ones, which is the point) and
 * the labels are drawn from BIOMEDICA's taxonomy. The pairs are repeated to reach the wanted row count;
 * each repeat gets its own pair id and its own copy of the JPEG with a comment segment naming the copy, so
 * that no writer can dictionary-encode or deduplicate images a real dataset would not repeat.
 */
final class SampleFigureRows {
  static final int IMAGE_DIMENSIONS = 1280;
  static final int CAPTION_DIMENSIONS = 384;
  static final String TOPIC = "figures";

  private static final Schema FIGURE = RecordSchemas.FIGURE;
  private static final Schema PAIR = FIGURE.getField("figure").schema();
  private static final Schema MENTION = PAIR.getField("mentions").schema().getElementType();
  private static final Schema IMAGE = nonNull(FIGURE.getField("image").schema());
  private static final Schema EMBEDDING = nonNull(FIGURE.getField("imageEmbedding").schema());
  private static final Schema LABELS = nonNull(FIGURE.getField("labels").schema());
  private static final Schema CONCEPT = nonNull(LABELS.getField("global").schema()).getElementType();
  private static final Schema PROVENANCE = nonNull(FIGURE.getField("provenance").schema());
  private static final Schema ARTICLE = nonNull(FIGURE.getField("article").schema());

  /** One extracted pair with what the pipeline would have added to it. */
  private record Pair(FigureRecord figure, NormalizedImage image, ArticleKeys article) {}

  /**
   * @param rows the dataset rows, as {@code FigureRows.row} makes them from the topic records
   * @param records the same rows as topic records: Avro single-object bytes of figure.v2
   * @param samplePairs how many distinct sample pairs were repeated
   * @param sampleImages how many of them have an image
   * @param imageBytes total JPEG bytes over all rows
   * @param payloadBytes total Avro binary size of the rows (dataset-figure.v2): the input both writers get
   */
  record Rows(List<GenericRecord> rows, List<TopicRecord> records, int samplePairs, int sampleImages,
      long imageBytes, long payloadBytes) {}

  private SampleFigureRows() {}

  static Rows build(int count) {
    List<Pair> pairs = samplePairs();
    Taxonomy taxonomy = Taxonomy.biomedica();
    List<String> globals = taxonomy.globals();
    Random random = new Random(42);
    BinaryMessageEncoder<GenericRecord> encoder = new BinaryMessageEncoder<>(GenericData.get(), FIGURE);
    List<GenericRecord> rows = new ArrayList<>(count);
    List<TopicRecord> records = new ArrayList<>(count);
    long imageBytes = 0;
    long processedAt = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < count; i++) {
      Pair pair = pairs.get(i % pairs.size());
      int copy = i / pairs.size();
      GenericRecord published = published(pair, copy, taxonomy, globals, random, processedAt + i);
      ByteBuffer value;
      try {
        value = encoder.encode(published);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] bytes = new byte[value.remaining()];
      value.get(bytes);
      TopicRecord record = new TopicRecord(TOPIC, 0, i, processedAt + i,
          published.get("figure") instanceof GenericRecord f ? f.get("pairId").toString() : null, bytes, null);
      records.add(record);
      GenericRecord row = FigureRows.row(published, record);
      rows.add(row);
      if (row.get("image") instanceof GenericRecord image && image.get("bytes") instanceof ByteBuffer jpeg) {
        imageBytes += jpeg.remaining();
      }
    }
    int images = (int) pairs.stream().filter(p -> p.image() != null).count();
    return new Rows(Collections.unmodifiableList(rows), Collections.unmodifiableList(records), pairs.size(),
        images, imageBytes, avroSize(rows));
  }

  private static List<Pair> samplePairs() {
    Path root = SampleCorpus.findRoot();
    ImageNormalizer normalizer = new ImageNormalizer();
    List<Pair> pairs = new ArrayList<>();
    for (SampleCorpus.Article a : SampleCorpus.load()) {
      for (ExtractedArticle e : new JatsExtractor().extract(a.xml(), a.media())) {
        ArticleKeys keys = ArticleKeys.of(e.article());
        for (FigureRecord f : e.figures()) {
          NormalizedImage image = null;
          if (f.mediaFile() != null) {
            try {
              image = normalizer.normalize(Files.readAllBytes(root.resolve(a.name()).resolve(f.mediaFile())));
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          }
          pairs.add(new Pair(f, image, keys));
        }
      }
    }
    return pairs;
  }

  private static GenericRecord published(Pair pair, int copy, Taxonomy taxonomy, List<String> globals,
      Random random, long processedAt) {
    FigureRecord f = pair.figure();
    GenericData.Record figure = new GenericData.Record(PAIR);
    figure.put("pairId", copy == 0 ? f.pairId() : f.pairId() + "~" + copy);
    figure.put("articleKey", f.articleKey());
    figure.put("kind", new GenericData.EnumSymbol(PAIR.getField("kind").schema(), f.kind().toString()));
    figure.put("figureId", f.figureId());
    figure.put("graphicIndex", f.graphicIndex());
    figure.put("groupId", f.groupId());
    figure.put("parentId", f.parentId());
    figure.put("specificUse", f.specificUse());
    figure.put("context", f.context());
    figure.put("label", f.label());
    figure.put("captionTitle", f.captionTitle());
    figure.put("caption", f.caption());
    figure.put("doi", f.doi());
    figure.put("href", f.href());
    figure.put("mediaFile", f.mediaFile());
    List<GenericRecord> mentions = new ArrayList<>();
    for (Mention m : f.mentions() == null ? List.<Mention>of() : f.mentions()) {
      GenericData.Record mention = new GenericData.Record(MENTION);
      mention.put("xrefText", m.xrefText());
      mention.put("sentence", m.sentence());
      mention.put("paragraph", m.paragraph());
      mentions.add(mention);
    }
    figure.put("mentions", mentions);

    GenericData.Record out = new GenericData.Record(FIGURE);
    out.put("figure", figure);
    NormalizedImage n = pair.image();
    if (n != null) {
      GenericData.Record image = new GenericData.Record(IMAGE);
      image.put("jpeg", ByteBuffer.wrap(copy == 0 ? n.jpeg() : withComment(n.jpeg(), "figstream copy " + copy)));
      image.put("width", n.width());
      image.put("height", n.height());
      image.put("originalWidth", n.originalWidth());
      image.put("originalHeight", n.originalHeight());
      image.put("originalFormat", n.originalFormat());
      image.put("pixelSha256", n.pixelSha256());
      image.put("perceptualHash", n.perceptualHash());
      out.put("image", image);
      out.put("imageEmbedding", embedding("mobilenet-v2-nsfwjs", IMAGE_DIMENSIONS, random));
      out.put("labels", labels(taxonomy, globals, random));
    } else {
      out.put("imageProblem", "missing");
    }
    if (f.caption() != null) {
      out.put("captionEmbedding", embedding("all-MiniLM-L6-v2", CAPTION_DIMENSIONS, random));
    }
    GenericData.Record provenance = new GenericData.Record(PROVENANCE);
    ArticleKeys a = pair.article();
    provenance.put("pmcid", a.pmcid());
    provenance.put("version", a.version() == null ? 1 : a.version());
    provenance.put("source", "folder:samples/articles");
    provenance.put("processedAt", processedAt);
    provenance.put("pipelineVersion", "0.1.0-SNAPSHOT");
    out.put("provenance", provenance);
    GenericData.Record article = new GenericData.Record(ARTICLE);
    article.put("pmcid", a.pmcid());
    article.put("version", a.version());
    article.put("pmid", a.pmid());
    article.put("doi", a.doi());
    article.put("journal", a.journal());
    article.put("year", a.year());
    article.put("licenseCode", a.licenseCode());
    article.put("licenseUrl", a.licenseUrl());
    article.put("subset", new GenericData.EnumSymbol(ARTICLE.getField("subset").schema(), a.subset().toString()));
    out.put("article", article);
    return out;
  }

  private static GenericRecord embedding(String model, int dimensions, Random random) {
    float[] v = new float[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    List<Float> vector = new ArrayList<>(dimensions);
    for (float x : v) {
      vector.add((float) (x / Math.sqrt(norm)));
    }
    GenericData.Record e = new GenericData.Record(EMBEDDING);
    e.put("model", model);
    e.put("vector", vector);
    return e;
  }

  private static GenericRecord labels(Taxonomy taxonomy, List<String> globals, Random random) {
    String global = globals.get(random.nextInt(globals.size()));
    List<String> locals = taxonomy.globalToLocals().get(global);
    float score = 0.5f + random.nextFloat() * 0.5f;
    List<GenericRecord> globalScores = new ArrayList<>();
    globalScores.add(concept(global, score));
    globalScores.add(concept(globals.get(random.nextInt(globals.size())), score * random.nextFloat()));
    List<GenericRecord> localScores = new ArrayList<>();
    for (int i = 0; i < Math.min(3, locals.size()); i++) {
      score *= random.nextFloat();
      localScores.add(concept(locals.get(random.nextInt(locals.size())), score));
    }
    GenericData.Record labels = new GenericData.Record(LABELS);
    labels.put("method", "zero-shot");
    labels.put("panelType", random.nextBoolean() ? "single" : "multiple");
    labels.put("global", globalScores);
    labels.put("local", localScores);
    return labels;
  }

  private static GenericRecord concept(String name, float score) {
    GenericData.Record c = new GenericData.Record(CONCEPT);
    c.put("concept", name);
    c.put("score", score);
    return c;
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
    OutputStream counter = new OutputStream() {
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

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
  }
}
