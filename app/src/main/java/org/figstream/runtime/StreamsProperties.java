package org.figstream.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.figstream.state.BoundedRocksDbMemory;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.UndecodableToDeadLetter;

/**
 * The Streams app's configuration on one Kafka: exactly-once, its state in {@code stateDir},
 * RocksDB's memory bounded, undecodable records to dead letters, records as large as the topics
 * take.
 */
final class StreamsProperties {
  private StreamsProperties() {}

  static Properties of(Map<String, Object> kafka, Path stateDir, PipelineSettings settings) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, Pipeline.APPLICATION_ID);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replication());
    if (settings.replication() >= 3) { // changelogs and repartition topics as TopicSetup's
      p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), "2");
    }
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        UndecodableToDeadLetter.class);
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    p.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, settings.stateMemoryBytes());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        TopicSetup.MAX_MESSAGE_BYTES);
    return p;
  }
}
