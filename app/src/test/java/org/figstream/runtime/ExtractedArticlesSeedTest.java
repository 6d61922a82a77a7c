package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.records.Headers;
import org.figstream.records.Topics;
import org.figstream.topology.TopicSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upgrade step on a real broker: articles written by an older figstream reach the join. */
class ExtractedArticlesSeedTest {

  @Test
  void shouldCopyArticlesOnceInOrderWithTombstonesAndHeaders(@TempDir Path dir) throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"))) {
      Map<String, Object> kafka = broker.clientConfig();
      TopicSetup.ensure(kafka, 2, (short) 1);
      assertThat(ExtractedArticlesSeed.run(kafka)).as("a new cluster").isZero();

      Map<String, Object> config = new HashMap<>(kafka);
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "older-figstream");
      try (KafkaProducer<String, String> older =
          new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
        older.initTransactions();
        older.beginTransaction();
        older.send(new ProducerRecord<>(Topics.ARTICLES, "PMC1", "v1"));
        older.send(new ProducerRecord<>(Topics.ARTICLES, "PMC2", "v1"));
        older.send(new ProducerRecord<>(Topics.ARTICLES, "PMC1", "v2"));
        RecordHeaders reason = new RecordHeaders();
        reason.add(Headers.REASON, "retracted".getBytes(StandardCharsets.UTF_8));
        older.send(new ProducerRecord<>(Topics.ARTICLES, null, "PMC2", null, reason));
        older.commitTransaction();
      }
      // the commit is visible to read_committed readers once the partitions' ends have moved
      while (TopicCounts.history(kafka, Topics.ARTICLES, "PMC2").size() < 2) {
        Thread.sleep(50);
      }

      assertThat(ExtractedArticlesSeed.run(kafka)).isEqualTo(4);
      assertThat(ExtractedArticlesSeed.run(kafka)).as("done once").isZero();

      List<String> copied = new ArrayList<>();
      for (String key : List.of("PMC1", "PMC2")) {
        for (byte[] v : TopicCounts.history(kafka, Topics.EXTRACTED_ARTICLES, key)) {
          copied.add(key + "=" + (v == null ? null : new String(v, StandardCharsets.UTF_8)));
        }
      }
      assertThat(copied).containsExactly("PMC1=v1", "PMC1=v2", "PMC2=v1", "PMC2=null");
      assertThat(TopicCounts.liveKeys(kafka, Topics.EXTRACTED_ARTICLES)).containsExactly("PMC1");
    }
  }
}
