package org.figstream.connectors.sink.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task against a stand-in for Connect's context: it seeks to the manifest, hands Connect only
 * what the dataset holds, abandons what is not committed when closed, and never drops a record
 * silently.
 */
class DatasetSinkTaskTest {
  private static final TopicPartition FIGURES_0 = new TopicPartition("figures", 0);
  private static final TopicPartition ARTICLES_0 = new TopicPartition("articles", 0);

  @TempDir Path dir;

  /** What a worker's context does, recorded. */
  static final class Context implements SinkTaskContext {
    final Map<TopicPartition, Long> offsets = new HashMap<>();
    final List<SinkRecord> reported = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();
    final boolean withReporter;

    Context(boolean withReporter) {
      this.withReporter = withReporter;
    }

    @Override
    public Map<String, String> configs() {
      return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
      this.offsets.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
      offsets.put(tp, offset);
    }

    @Override
    public void timeout(long timeoutMs) {}

    @Override
    public Set<TopicPartition> assignment() {
      return Set.of(FIGURES_0, ARTICLES_0);
    }

    @Override
    public void pause(TopicPartition... partitions) {}

    @Override
    public void resume(TopicPartition... partitions) {}

    @Override
    public void requestCommit() {}

    @Override
    public ErrantRecordReporter errantRecordReporter() {
      if (!withReporter) {
        return null;
      }
      return (record, error) -> {
        reported.add(record);
        errors.add(error);
        Future<Void> done = CompletableFuture.completedFuture(null);
        return done;
      };
    }

    @Override
    public PluginMetrics pluginMetrics() {
      return null;
    }
  }

  private DatasetSinkTask start(Context context, long maxRows) {
    Map<String, String> props = DatasetSinkConfigTest.valid();
    props.put("dataset.dir", dir.resolve("dataset").toString());
    props.put("shard.max.rows", String.valueOf(maxRows));
    props.put("shard.max.age.ms", "3600000");
    DatasetSinkTask task = new DatasetSinkTask();
    task.initialize(context);
    task.start(props);
    task.open(List.of(FIGURES_0, ARTICLES_0));
    return task;
  }

  private static SinkRecord tombstone(long offset, String key) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addBytes("figstream.reason", "superseded".getBytes(StandardCharsets.UTF_8));
    return new SinkRecord(
        "figures",
        0,
        Schema.OPTIONAL_STRING_SCHEMA,
        key,
        Schema.OPTIONAL_BYTES_SCHEMA,
        null,
        offset,
        1_700_000_000_000L + offset,
        TimestampType.CREATE_TIME,
        headers);
  }

  private static SinkRecord value(long offset, Object value) {
    return new SinkRecord(
        "figures",
        0,
        Schema.OPTIONAL_STRING_SCHEMA,
        "PMC1/fig" + offset + "/1",
        Schema.OPTIONAL_BYTES_SCHEMA,
        value,
        offset,
        1_700_000_000_000L,
        TimestampType.CREATE_TIME);
  }

  private long deleteRows() throws Exception {
    return ManifestStore.read(dir.resolve("dataset")).files().stream()
        .filter(f -> f.stream().equals("figures/deletes"))
        .mapToLong(f -> f.rows())
        .sum();
  }

  @Test
  void shouldSeekToTheManifestAndHandConnectOnlyWhatTheDatasetHolds() throws Exception {
    Context first = new Context(true);
    DatasetSinkTask task = start(first, 2);
    assertThat(first.offsets).isEqualTo(Map.of(FIGURES_0, 0L, ARTICLES_0, 0L));

    // two rows fill a delete shard, which commits; the third waits in an open one
    task.put(
        List.of(
            tombstone(0, "PMC1/fig1/1"), tombstone(1, "PMC1/fig2/1"), tombstone(2, "PMC1/fig3/1")));
    Map<TopicPartition, OffsetAndMetadata> read =
        Map.of(FIGURES_0, new OffsetAndMetadata(3), ARTICLES_0, new OffsetAndMetadata(0));
    assertThat(task.preCommit(read)).isEqualTo(Map.of(FIGURES_0, new OffsetAndMetadata(2)));
    task.close(List.of(FIGURES_0, ARTICLES_0));
    task.stop();
    assertThat(deleteRows()).isEqualTo(2);

    // a new task reads the abandoned record again, and stores it once
    Context second = new Context(true);
    DatasetSinkTask again = start(second, 2);
    assertThat(second.offsets).isEqualTo(Map.of(FIGURES_0, 2L, ARTICLES_0, 0L));
    again.put(List.of(tombstone(2, "PMC1/fig3/1"), tombstone(3, "PMC1/fig4/1")));
    assertThat(again.preCommit(Map.of(FIGURES_0, new OffsetAndMetadata(4))))
        .isEqualTo(Map.of(FIGURES_0, new OffsetAndMetadata(4)));
    again.stop();
    assertThat(deleteRows()).isEqualTo(4);
    assertThat(second.reported).isEmpty();
  }

  @Test
  void shouldSeekTheKeptPartitionsBackWhenSomeAreRevoked() {
    Context context = new Context(true);
    DatasetSinkTask task = start(context, 100);
    task.put(List.of(tombstone(0, "PMC1/fig1/1"), tombstone(1, "PMC1/fig2/1")));
    context.offsets.clear();
    task.close(List.of(ARTICLES_0));
    // the open shard held figures-0's records and is gone: figures-0 must be read again from the
    // manifest
    assertThat(context.offsets).isEqualTo(Map.of(FIGURES_0, 0L));
    task.put(List.of(tombstone(0, "PMC1/fig1/1"), tombstone(1, "PMC1/fig2/1")));
    task.stop();
  }

  @Test
  void shouldReportWhatItCannotStoreToTheErrantRecordReporter() throws Exception {
    Context context = new Context(true);
    DatasetSinkTask task = start(context, 1);
    SinkRecord garbage = value(0, "not avro".getBytes(StandardCharsets.UTF_8));
    SinkRecord keyless = tombstone(1, null);
    task.put(List.of(garbage, keyless, tombstone(2, "PMC1/fig3/1")));
    assertThat(context.reported).containsExactly(garbage, keyless);
    assertThat(context.errors.get(0))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("not a figures record");
    assertThat(context.errors.get(1)).hasMessageContaining("a tombstone without a key");
    // left out, yet passed: the dataset's position moves past them
    assertThat(task.preCommit(Map.of(FIGURES_0, new OffsetAndMetadata(3))))
        .isEqualTo(Map.of(FIGURES_0, new OffsetAndMetadata(3)));
    task.stop();
    assertThat(deleteRows()).isEqualTo(1);
  }

  @Test
  void shouldLogWhatItCannotStoreWhenNoReporterIsConfigured() {
    Context context = new Context(false);
    DatasetSinkTask task = start(context, 1);
    task.put(List.of(value(0, "not avro".getBytes(StandardCharsets.UTF_8))));
    assertThat(context.reported).isEmpty();
    task.stop();
  }

  @Test
  void shouldRefuseValuesThatDidNotArriveAsBytes() {
    DatasetSinkTask task = start(new Context(true), 1);
    assertThatThrownBy(() -> task.put(List.of(value(0, "{\"json\": true}"))))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(
            "value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
    task.stop();
  }
}
