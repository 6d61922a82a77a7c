package org.figstream.records.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;

/**
 * The one place that knows figstream's schemas: the {@code .avsc} files in {@code records/schemas/}
 * (on the classpath as {@code schemas/}), the only copy. Every topic schema version ever published
 * stays listed, so a record written by an older figstream is still read; writers use the newest.
 * The dataset's row schemas (Parquet columns) live here too, beside the topic schemas they are
 * derived from.
 */
public final class RecordSchemas {
  /**
   * Every topic schema file, oldest first, in generations: a file may use the named types of the
   * files before it in its generation. A new version of a record starts a generation, because one
   * Avro parser cannot hold two definitions of a name.
   */
  static final List<List<String>> GENERATIONS =
      List.of(
          List.of(
              "announcement.v1",
              "figure.v1",
              "article.v1",
              "dead-letter.v1",
              "enriched-article.v1"),
          List.of("figure.v2", "enriched-article.v2"),
          List.of("pubmed.v1", "article.v2"),
          List.of("figure.v3", "enriched-article.v3"));

  private static final Map<String, Schema> BY_FILE = new LinkedHashMap<>();
  private static final Map<Long, Schema> BY_FINGERPRINT = new LinkedHashMap<>();

  static {
    for (List<String> generation : GENERATIONS) {
      Schema.Parser parser = new Schema.Parser();
      for (String file : generation) {
        Schema schema = parse(parser, file);
        BY_FILE.put(file, schema);
        BY_FINGERPRINT.put(fingerprint(schema), schema);
      }
    }
  }

  public static final Schema ANNOUNCEMENT = BY_FILE.get("announcement.v1");
  public static final Schema FIGURE = BY_FILE.get("figure.v3");
  public static final Schema ARTICLE = BY_FILE.get("article.v2");
  public static final Schema PUBMED = BY_FILE.get("pubmed.v1");
  public static final Schema DEAD_LETTER = BY_FILE.get("dead-letter.v1");
  public static final Schema ENRICHED_ARTICLE = BY_FILE.get("enriched-article.v3");

  /**
   * A row of the dataset's figures table (flat, snake_case): the Parquet columns. Layout 3 adds the
   * nullable {@code ocr} column to layout 2 ({@code dataset-figure.v2}, kept as the layout older
   * shards were written with); the dataset format does not change, since readers that union columns
   * by name read both.
   */
  public static final Schema FIGURE_ROW = parse(new Schema.Parser(), "dataset-figure.v3");

  /** A row of the dataset's delete files. */
  public static final Schema DELETE_ROW = parse(new Schema.Parser(), "dataset-delete.v1");

  private static Schema parse(Schema.Parser parser, String file) {
    try (InputStream in = RecordSchemas.class.getResourceAsStream("/schemas/" + file + ".avsc")) {
      if (in == null) {
        throw new IllegalStateException("schema " + file + ".avsc is missing from the classpath");
      }
      return parser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + file, e);
    }
  }

  private RecordSchemas() {}

  /** The schema a record's header names, or null when this figstream does not know it. */
  public static Schema byFingerprint(long fingerprint) {
    return BY_FINGERPRINT.get(fingerprint);
  }

  /**
   * The CRC-64-AVRO fingerprint of the schema's canonical form: what Avro's single-object header
   * carries.
   */
  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /** Every topic schema by file name ({@code figure.v3}), oldest first. */
  public static Map<String, Schema> all() {
    return java.util.Collections.unmodifiableMap(BY_FILE);
  }

  /**
   * A plain-Avro decoder of single-object records into generic records of {@code current}: the way
   * a mirror reads them. Every older published version of the same record resolves to it.
   */
  public static BinaryMessageDecoder<GenericRecord> genericDecoder(Schema current) {
    BinaryMessageDecoder<GenericRecord> decoder =
        new BinaryMessageDecoder<>(GenericData.get(), current);
    for (Schema older : BY_FILE.values()) {
      if (older.getFullName().equals(current.getFullName()) && !older.equals(current)) {
        decoder.addSchema(older);
      }
    }
    return decoder;
  }
}
