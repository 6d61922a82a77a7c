package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.Topics;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.schema.TopicSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PMIDs to look up come from article-versions with offsets of their own: a crash before the
 * lookup finished asks again instead of losing them.
 */
class AnnouncedPmidsTest {

  private static Announcement announce(String pmcid, String pmid, boolean retracted) {
    ArticleMetadata m =
        new ArticleMetadata(
            pmcid, 1, pmid, null, null, null, "CC BY", true, false, false, retracted, null, null,
            null, List.of(), Map.of());
    return new Announcement(
        Change.VERSION, "metadata/" + pmcid + ".1.json", pmcid, 1, "e", null, "test", m);
  }

  @Test
  void shouldAskAgainForWhatWasNotDoneAndSkipWithdrawalsAndMissingPmids(@TempDir Path dir)
      throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"))) {
      Map<String, Object> kafka = broker.clientConfig();
      TopicSetup.ensure(kafka, 2, (short) 1);
      var serialize = TopicSerdes.announcements().serializer();
      try (KafkaProducer<String, byte[]> p =
          new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer())) {
        for (Announcement a :
            List.of(
                announce("PMC1", "101", false),
                announce("PMC2", null, false),
                announce("PMC3", "103", true),
                announce("PMC4", "104", false))) {
          p.send(
              new ProducerRecord<>(
                  Topics.ARTICLE_VERSIONS,
                  a.pmcid(),
                  serialize.serialize(Topics.ARTICLE_VERSIONS, a)));
        }
        p.send(new ProducerRecord<>(Topics.ARTICLE_VERSIONS, "PMC5", new byte[] {1, 2, 3}));
      }

      try (AnnouncedPmids crashed = new AnnouncedPmids(kafka)) {
        assertThat(crashed.next()).containsExactlyInAnyOrder("101", "104");
        // no done(): the process dies before the citations are acknowledged
      }
      try (AnnouncedPmids restarted = new AnnouncedPmids(kafka)) {
        assertThat(restarted.next()).containsExactlyInAnyOrder("101", "104");
        restarted.done();
        assertThat(restarted.next()).isEmpty();
      }
      try (AnnouncedPmids later = new AnnouncedPmids(kafka)) {
        assertThat(later.next()).isEmpty();
      }
    }
  }
}
