package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.shard.ParquetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingShardsTest {
  private static final Schema V1 =
      SchemaBuilder.record("Row")
          .fields()
          .requiredString("pair_id")
          .requiredInt("kafka_partition")
          .requiredLong("kafka_offset")
          .endRecord();
  private static final Schema V2 =
      SchemaBuilder.record("Row")
          .fields()
          .requiredString("pair_id")
          .requiredInt("kafka_partition")
          .requiredLong("kafka_offset")
          .optionalString("note")
          .endRecord();

  @TempDir Path dir;

  @Test
  void shouldStartANewShardWhenTheRowSchemaChangesAndKeepEachShardsOwn() throws IOException {
    Files.createDirectories(dir.resolve("figures/commercial"));
    AtomicLong numbers = new AtomicLong(10);
    RollingShards out =
        new RollingShards(
            new DatasetFiles(dir),
            SinkSettings.defaults(dir),
            "figures/commercial",
            100,
            Long.MAX_VALUE,
            numbers::getAndIncrement);

    out.write(row(V1, "a", 0, 1));
    out.write(row(V1, "b", 0, 2));
    // An equal schema from another file (a different instance) stays in the same shard.
    out.write(row(new Schema.Parser().parse(V1.toString()), "c", 1, 3));
    out.write(row(V2, "d", 0, 4));
    List<ShardEntry> shards = out.finish();

    assertThat(shards).extracting(ShardEntry::rows).containsExactly(3L, 1L);
    assertThat(shards.get(0).offsets()).containsOnlyKeys("figures-0", "figures-1");
    assertThat(shards.get(0).offsets().get("figures-0")).containsExactly(1, 2);
    assertThat(shards.get(0).offsets().get("figures-1")).containsExactly(3, 3);
    assertThat(read(shards.get(0))).containsExactly("a", "b", "c");
    assertThat(read(shards.get(1))).containsExactly("d");
    assertThat(schemaOf(shards.get(0)).getField("note")).isNull();
    assertThat(schemaOf(shards.get(1)).getField("note")).isNotNull();
  }

  private static GenericRecord row(Schema schema, String id, int partition, long offset) {
    GenericData.Record r = new GenericData.Record(schema);
    r.put("pair_id", id);
    r.put("kafka_partition", partition);
    r.put("kafka_offset", offset);
    return r;
  }

  private List<String> read(ShardEntry shard) throws IOException {
    List<String> ids = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        ParquetFiles.reader(new DatasetFiles(dir).temporary(shard.path()), null)) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        ids.add(r.get("pair_id").toString());
      }
    }
    return ids;
  }

  private Schema schemaOf(ShardEntry shard) throws IOException {
    try (ParquetReader<GenericRecord> reader =
        ParquetFiles.reader(new DatasetFiles(dir).temporary(shard.path()), null)) {
      return reader.read().getSchema();
    }
  }
}
