package org.figstream.topology.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The one place that knows the topics' schemas: the {@code .avsc} files under {@code schemas/} at the top
 * of the repository (on the classpath as {@code schemas/}). Every version ever published stays listed, so
 * a record written by an older figstream is still read; writers use the newest.
 */
public final class TopicSchemas {
  /**
   * Every schema file, oldest first, in generations: a file may use the named types of the files before it
   * in its generation. A new version of a record starts a generation, because one Avro parser cannot hold
   * two definitions of a name.
   */
  static final List<List<String>> GENERATIONS = List.of(
      List.of("announcement.v1", "figure.v1", "article.v1", "dead-letter.v1", "enriched-article.v1"),
      List.of("figure.v2", "enriched-article.v2"));

  public static final Schema ANNOUNCEMENT;
  public static final Schema FIGURE;
  public static final Schema ARTICLE;
  public static final Schema DEAD_LETTER;
  public static final Schema ENRICHED_ARTICLE;

  private static final Map<String, Schema> BY_FILE = new LinkedHashMap<>();
  private static final Map<Long, Schema> BY_FINGERPRINT = new LinkedHashMap<>();

  static {
    for (List<String> generation : GENERATIONS) {
      Schema.Parser parser = new Schema.Parser();
      for (String file : generation) {
        parse(parser, file);
      }
    }
    ANNOUNCEMENT = BY_FILE.get("announcement.v1");
    FIGURE = BY_FILE.get("figure.v2");
    ARTICLE = BY_FILE.get("article.v1");
    DEAD_LETTER = BY_FILE.get("dead-letter.v1");
    ENRICHED_ARTICLE = BY_FILE.get("enriched-article.v2");
  }

  private static void parse(Schema.Parser parser, String file) {
    try (InputStream in = TopicSchemas.class.getResourceAsStream("/schemas/" + file + ".avsc")) {
      if (in == null) {
        throw new IllegalStateException("schema " + file + ".avsc is missing from the classpath");
      }
      Schema schema = parser.parse(in);
      BY_FILE.put(file, schema);
      BY_FINGERPRINT.put(fingerprint(schema), schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + file, e);
    }
  }

  private TopicSchemas() {}

  /** The schema a record's header names, or null when this figstream does not know it. */
  static Schema byFingerprint(long fingerprint) {
    return BY_FINGERPRINT.get(fingerprint);
  }

  /** The CRC-64-AVRO fingerprint of the schema's canonical form: what Avro's single-object header carries. */
  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  static Map<String, Schema> all() {
    return Map.copyOf(BY_FILE);
  }
}
