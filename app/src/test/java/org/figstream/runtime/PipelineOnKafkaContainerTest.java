package org.figstream.runtime;

import java.util.Map;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same end-to-end test on Kafka in a container, the broker a cluster deployment would use.
 * Skipped where there is no Docker (as on the machines this project is built on; the embedded run
 * is the test that always runs).
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineOnKafkaContainerTest extends SampleFeedEndToEnd {
  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

  @Override
  Map<String, Object> kafka() {
    return Map.of("bootstrap.servers", KAFKA.getBootstrapServers());
  }
}
