package org.figstream.connectors.sink.rows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;

/**
 * The published schema files the sinks need, read from {@code schemas/} on the classpath (the repository's
 * top-level folder): the topic schemas to decode records, as any mirror would, and the dataset's row
 * schemas. A record written with an older topic schema is resolved to the newest.
 */
public final class PublishedSchemas {
  public static final Schema FIGURE = load("figure.v2");
  public static final Schema ARTICLE = load("article.v1");
  public static final Schema FIGURE_ROW = load("dataset-figure.v1");
  public static final Schema DELETE_ROW = load("dataset-delete.v1");

  private PublishedSchemas() {}

  /** A decoder of {@code figures} values: figure.v2, and figure.v1 records resolved to it. */
  public static BinaryMessageDecoder<GenericRecord> figureDecoder() {
    BinaryMessageDecoder<GenericRecord> decoder = new BinaryMessageDecoder<>(GenericData.get(), FIGURE);
    decoder.addSchema(load("figure.v1"));
    return decoder;
  }

  public static BinaryMessageDecoder<GenericRecord> articleDecoder() {
    return new BinaryMessageDecoder<>(GenericData.get(), ARTICLE);
  }

  static Schema load(String name) {
    try (InputStream in = PublishedSchemas.class.getResourceAsStream("/schemas/" + name + ".avsc")) {
      if (in == null) {
        throw new IllegalStateException("schema " + name + ".avsc is missing from the classpath");
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + name, e);
    }
  }
}
