package org.figstream.connectors.sink.shard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/**
 * How figstream writes and reads Parquet: local files only (no Hadoop file system), zstd, standard
 * three-level lists (what DuckDB, pyarrow and Spark expect), row groups sized for rows that carry
 * images.
 */
public final class ParquetFiles {
  /** Where parquet-avro's writer keeps the rows' Avro schema in the footer. */
  private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

  /** zstd level of image columns; every other column has the codec's default, 3. */
  static final int IMAGE_ZSTD_LEVEL = 1;

  private ParquetFiles() {}

  /**
   * A writer of {@code schema}'s records to {@code file}. Columns whose values do not repeat,
   * images ({@code bytes} fields) and embeddings (lists of {@code float} or {@code double}), are
   * written without dictionary encoding: parquet-mr would hash every value into a dictionary until
   * it overflows and then write the pages plainly anyway, which for the embeddings took over a
   * third of the writer's time. Images, JPEGs already entropy-coded, are compressed at zstd level 1
   * instead of the default 3: zstd takes about 10% off them at either level, level 1 in much less
   * time, and files grow by about 1%. Together these doubled the writer's rows/s (loadtest's
   * ParquetWriteReport, docs/benchmarks.md, "Parquet writer").
   */
  public static ParquetWriter<GenericRecord> writer(
      Path file, Schema schema, long rowGroupBytes, Map<String, String> metadata)
      throws IOException {
    AvroParquetWriter.Builder<GenericRecord> builder =
        AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
            .withSchema(schema)
            .withDataModel(GenericData.get())
            .withConf(
                new PlainParquetConfiguration(
                    Map.of(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")))
            .withCompressionCodec(CompressionCodecName.ZSTD)
            .withRowGroupSize(rowGroupBytes)
            .withPageSize(1 << 20)
            // the writer first measures its buffered row group after 100 rows: 20-100 MB of
            // images when rows carry them, over the row group size on a small heap
            .withMinRowCountForPageSizeCheck(8)
            .withWriteMode(ParquetFileWriter.Mode.CREATE) // never into another writer's file
            .withExtraMetaData(metadata);
    for (String column : bytesColumns(schema)) {
      builder =
          builder
              .withDictionaryEncoding(column, false)
              .withCompressionCodec(column, CompressionCodecName.ZSTD)
              .withCompressionLevel(column, IMAGE_ZSTD_LEVEL);
    }
    for (String column : vectorColumns(schema)) {
      builder = builder.withDictionaryEncoding(column, false);
    }
    return builder.build();
  }

  /**
   * The Parquet column paths of {@code schema}'s {@code bytes} fields, nullable or not, top-level
   * or in a top-level struct (the figures' {@code image.bytes}).
   */
  static List<String> bytesColumns(Schema schema) {
    List<String> columns = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      Schema type = nonNull(field.schema());
      if (type.getType() == Schema.Type.BYTES) {
        columns.add(field.name());
      } else if (type.getType() == Schema.Type.RECORD) {
        for (Schema.Field inner : type.getFields()) {
          if (nonNull(inner.schema()).getType() == Schema.Type.BYTES) {
            columns.add(field.name() + "." + inner.name());
          }
        }
      }
    }
    return columns;
  }

  /**
   * The Parquet column paths of the elements of {@code schema}'s top-level lists of {@code float}
   * or {@code double}, nullable or not, as three-level lists name them.
   */
  static List<String> vectorColumns(Schema schema) {
    List<String> columns = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      Schema type = nonNull(field.schema());
      if (type.getType() == Schema.Type.ARRAY) {
        Schema.Type element = nonNull(type.getElementType()).getType();
        if (element == Schema.Type.FLOAT || element == Schema.Type.DOUBLE) {
          columns.add(field.name() + ".list.element");
        }
      }
    }
    return columns;
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> types =
        schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    return types.size() == 1 ? types.get(0) : schema;
  }

  /**
   * A reader of whole rows converted to {@code schema}: a column the file lacks reads as the
   * field's default (null for the dataset's optional columns), so a file of an older row layout
   * reads as the current one.
   */
  public static ParquetReader<GenericRecord> readerAs(Path file, Schema schema) throws IOException {
    // AvroReadSupport.setAvroReadSchema's key; its setter takes only a Hadoop Configuration
    return reader(file, "parquet.avro.read.schema", schema);
  }

  /** The Avro schema the file's rows were written with, from its footer. */
  public static Schema writtenSchema(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      String json = reader.getFooter().getFileMetaData().getKeyValueMetaData().get(AVRO_SCHEMA_KEY);
      if (json == null) {
        throw new IOException(file + " has no Avro schema in its footer");
      }
      return new Schema.Parser().parse(json);
    }
  }

  /** A reader of whole rows, or of the columns of {@code projection} only when it is not null. */
  public static ParquetReader<GenericRecord> reader(Path file, Schema projection)
      throws IOException {
    return reader(file, AvroReadSupport.AVRO_REQUESTED_PROJECTION, projection);
  }

  /** A reader whose configuration sets {@code key} to {@code schema}, when it is not null. */
  private static ParquetReader<GenericRecord> reader(Path file, String key, Schema schema)
      throws IOException {
    // a schema is converted to Parquet like a written one: with the lists the files have
    PlainParquetConfiguration conf =
        new PlainParquetConfiguration(Map.of(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false"));
    if (schema != null) {
      conf.set(key, schema.toString());
    }
    return AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file), conf)
        .withDataModel(GenericData.get())
        .build();
  }
}
