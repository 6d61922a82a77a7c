package org.figstream.runtime;

import java.nio.file.Path;
import java.time.Duration;
import org.figstream.connectors.feed.discovery.FeedSettings;
import org.figstream.connectors.feed.pubmed.PubmedSettings;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.label.LabelSettings;

/**
 * Everything one {@link Instance} is assembled from.
 *
 * @param dataDir what the instance keeps: feed index, Streams stores, the embedded broker's logs,
 *     models' caches
 * @param kafka the cluster to use, or the embedded broker under {@code dataDir/kafka}
 * @param sample the sample bucket emulator to read instead of {@code bucketUrl}; null for the real
 *     bucket
 * @param bucketRate requests per second to the bucket host
 * @param pubmed PubMed's efetch and update files, fed to {@code pubmed} after each feed pass (the
 *     sample emulator's with a sample); null for none
 * @param pollInterval how often a following run looks for a new inventory
 * @param settleWait how long a following run waits after a feed pass for what it announced to be
 *     processed, before the dataset commit and the next pass; null: until it is
 * @param untilCaughtUp end once the feed has nothing new and every output is committed
 * @param feedEnabled run the feed; false on the other instances of a cluster where one instance
 *     announces and all of them process (two feeds on one cluster would announce everything twice)
 * @param ocr read the text in each figure's image onto its record ({@code --ocr})
 * @param dataset the Parquet dataset to keep; null for none
 */
public record InstanceSettings(
    Path dataDir,
    KafkaTarget kafka,
    SampleSettings sample,
    String bucketUrl,
    double bucketRate,
    FeedSettings feed,
    PubmedSettings pubmed,
    Duration pollInterval,
    Duration settleWait,
    boolean untilCaughtUp,
    boolean feedEnabled,
    EmbeddingSettings embedding,
    LabelSettings labelling,
    boolean ocr,
    PipelineSettings pipeline,
    SinkSettings dataset,
    Ops ops) {

  /**
   * @param httpPort port of /metrics and /health; 0 picks a free one, negative turns the endpoint
   *     off
   * @param progressInterval how often a progress line is written
   */
  public record Ops(String httpHost, int httpPort, Duration progressInterval) {}
}
