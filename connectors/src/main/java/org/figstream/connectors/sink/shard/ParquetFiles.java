package org.figstream.connectors.sink.shard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/**
 * How figstream writes and reads Parquet: local files only (no Hadoop file system), zstd, standard
 * three-level lists (what DuckDB, pyarrow and Spark expect), row groups sized for rows that carry images.
 */
public final class ParquetFiles {
  private ParquetFiles() {}

  public static ParquetWriter<GenericRecord> writer(Path file, Schema schema, long rowGroupBytes,
      Map<String, String> metadata) throws IOException {
    return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
        .withSchema(schema)
        .withDataModel(GenericData.get())
        .withConf(new PlainParquetConfiguration(Map.of(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")))
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .withRowGroupSize(rowGroupBytes)
        .withPageSize(1 << 20)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withExtraMetaData(metadata)
        .build();
  }

  /** A reader of whole rows, or of the columns of {@code projection} only when it is not null. */
  public static ParquetReader<GenericRecord> reader(Path file, Schema projection) throws IOException {
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    if (projection != null) {
      conf.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION, projection.toString());
    }
    return AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file), conf)
        .withDataModel(GenericData.get())
        .build();
  }
}
