package org.figstream.runtime;

import java.util.Map;
import org.figstream.broker.EmbeddedBroker;
import org.junit.jupiter.api.AfterEach;

/** The end-to-end test on the in-process KRaft broker: the embedded default. */
class PipelineOnEmbeddedBrokerTest extends SampleFeedEndToEnd {
  private EmbeddedBroker broker;

  @Override
  Map<String, Object> kafka() throws Exception {
    broker = EmbeddedBroker.start(dir.resolve("kafka"));
    return broker.clientConfig();
  }

  @AfterEach
  void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }
}
