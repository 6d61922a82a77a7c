package org.figstream.connectors.sink.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.figstream.records.codec.RecordSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figure rows written by {@link ParquetFiles}: images and embeddings without dictionary, text with
 * one, and readable by parquet-avro and DuckDB.
 */
class ParquetFilesTest {
  private static final org.apache.avro.Schema IMAGE =
      RecordSchemas.FIGURE_ROW.getField("image").schema().getTypes().get(1);
  @TempDir Path dir;

  @Test
  void imagesAndEmbeddingsAreTheColumnsWithoutDictionary() {
    assertThat(ParquetFiles.bytesColumns(RecordSchemas.FIGURE_ROW)).containsExactly("image.bytes");
    assertThat(ParquetFiles.vectorColumns(RecordSchemas.FIGURE_ROW))
        .containsExactly("image_embedding.list.element", "caption_embedding.list.element");
    assertThat(ParquetFiles.bytesColumns(RecordSchemas.DELETE_ROW)).isEmpty();
  }

  @Test
  void duckDbReadsTheRowsBackWithTheEncodingsChosen() throws Exception {
    Path file = dir.resolve("figures.parquet");
    Random random = new Random(7);
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] jpeg = new byte[2000 + i];
      random.nextBytes(jpeg);
      GenericData.Record row = row(i, "Caption " + (i % 3), jpeg);
      row.put("image_embedding", floats(random, 64));
      row.put("caption_embedding", i % 2 == 0 ? floats(random, 16) : null);
      row.put("kafka_partition", 0);
      row.put("kafka_offset", (long) i);
      rows.add(row);
    }
    try (ParquetWriter<GenericRecord> writer =
        ParquetFiles.writer(
            file, RecordSchemas.FIGURE_ROW, 1 << 20, Map.of("figstream.stream", "figures/x"))) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }

    try (ParquetReader<GenericRecord> reader = ParquetFiles.reader(file, null)) {
      GenericRecord first = reader.read();
      assertThat(first.get("image")).isEqualTo(rows.get(0).get("image"));
      assertThat(List.copyOf((List<?>) first.get("image_embedding")))
          .isEqualTo(rows.get(0).get("image_embedding"));
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      try (ResultSet r =
          sql.executeQuery(
              "SELECT count(*), sum(octet_length(image.bytes)), sum(len(image_embedding)), "
                  + "count(caption_embedding), count(DISTINCT caption) FROM read_parquet('"
                  + file
                  + "')")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(300);
        assertThat(r.getLong(2)).isEqualTo(300 * 2000 + 299 * 300 / 2);
        assertThat(r.getLong(3)).isEqualTo(300 * 64);
        assertThat(r.getLong(4)).isEqualTo(150);
        assertThat(r.getLong(5)).isEqualTo(3);
      }
      Map<String, String> encodings = new HashMap<>();
      try (ResultSet r =
          sql.executeQuery(
              "SELECT CAST(path_in_schema AS VARCHAR), string_agg(DISTINCT "
                  + "CAST(encodings AS VARCHAR), ',') FROM parquet_metadata('"
                  + file
                  + "') GROUP BY 1")) {
        while (r.next()) {
          encodings.put(
              r.getString(1).replaceAll("[\\[\\]]", "").replace(", ", "."), r.getString(2));
        }
      }
      assertThat(encodings.get("image.bytes")).doesNotContain("DICTIONARY");
      assertThat(encodings.get("image_embedding.list.element")).doesNotContain("DICTIONARY");
      assertThat(encodings.get("caption_embedding.list.element")).doesNotContain("DICTIONARY");
      assertThat(encodings.get("caption")).contains("DICTIONARY");
    }
  }

  @Test
  void rowGroupsOfLargeImagesStayNearTheirSizeInsteadOfWaitingForAHundredRows() throws Exception {
    Path file = dir.resolve("large.parquet");
    Random random = new Random(11);
    int rows = 40;
    int imageBytes = 512 * 1024; // incompressible: the row group buffer grows by this per row
    try (ParquetWriter<GenericRecord> writer =
        ParquetFiles.writer(file, RecordSchemas.FIGURE_ROW, 2L << 20, Map.of())) {
      for (int i = 0; i < rows; i++) {
        byte[] jpeg = new byte[imageBytes];
        random.nextBytes(jpeg);
        GenericData.Record row = row(i, "Caption", jpeg);
        row.put("kafka_partition", 0);
        row.put("kafka_offset", (long) i);
        writer.write(row);
      }
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement();
        ResultSet r =
            sql.executeQuery(
                "SELECT sum(n), max(n), count(*) FROM (SELECT DISTINCT row_group_id,"
                    + " row_group_num_rows AS n FROM parquet_metadata('"
                    + file
                    + "'))")) {
      r.next();
      assertThat(r.getLong(1)).isEqualTo(rows);
      // measured every 8 rows (4 MB here), not first after 100 (50 MB held in memory)
      assertThat(r.getLong(2)).isLessThanOrEqualTo(8);
      assertThat(r.getLong(3)).isGreaterThanOrEqualTo(rows / 8);
    }
  }

  private static GenericData.Record row(int i, String caption, byte[] jpeg) {
    GenericData.Record row = new GenericData.Record(RecordSchemas.FIGURE_ROW);
    row.put("pair_id", "PMC1/f" + i + "/1");
    row.put("article_key", "PMC1");
    row.put("subset", "commercial");
    row.put("kind", "figure");
    row.put("graphic_index", 1);
    row.put("caption", caption);
    row.put("mentions", List.of());
    GenericData.Record image = new GenericData.Record(IMAGE);
    image.put("bytes", ByteBuffer.wrap(jpeg));
    row.put("image", image);
    return row;
  }

  private static List<Float> floats(Random random, int n) {
    List<Float> v = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      v.add(random.nextFloat());
    }
    return v;
  }
}
