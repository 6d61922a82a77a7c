package org.figstream.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.connectors.feed.discovery.StartPolicy;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.pubmed.EfetchLookup;
import org.figstream.connectors.feed.pubmed.EfetchResult;
import org.figstream.connectors.feed.pubmed.PubmedSettings;
import org.figstream.connectors.feed.pubmed.PubmedSinks;
import org.figstream.connectors.feed.pubmed.PubmedXmlParser;
import org.figstream.connectors.feed.pubmed.UpdateFileFollower;
import org.figstream.connectors.feed.pubmed.UpdateFilesResult;
import org.figstream.records.Topics;
import org.figstream.topology.schema.TopicSerdes;

/**
 * The PubMed side of a feed pass, on the feed's leader: efetch for the PMIDs announced since the
 * last lookup, then NLM's update files published since the last pass. Both put citations on {@code
 * pubmed} (key PMID; a deleted citation is a tombstone) and their failures on {@code dlq}, each
 * acknowledged before the pass goes on. The update files' cursor is kept on Kafka under a feed id
 * of its own, so whichever instance leads next resumes after the last file applied.
 */
public final class PubmedFeed implements AutoCloseable {
  public static final String CURSOR_FEED_ID = "pubmed-updatefiles";
  public static final String CITATIONS_METRIC = "figstream.pubmed.citations";
  public static final String DELETIONS_METRIC = "figstream.pubmed.deletions";
  public static final String EFETCH_PMIDS_METRIC = "figstream.pubmed.efetch.pmids";
  public static final String UPDATE_FILES_METRIC = "figstream.pubmed.update.files";
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final KafkaCursorStore store;
  private final AnnouncedPmids announced;
  private final EfetchLookup efetch;
  private final UpdateFileFollower updates;
  private final MeterRegistry metrics;
  private final PubmedSinks sinks;
  private boolean started;
  private final boolean fromNow;

  PubmedFeed(
      Map<String, Object> kafka,
      PubmedSettings settings,
      HttpFetcher http,
      Path workDir,
      PipelineSettings processing,
      StartPolicy policy,
      MeterRegistry metrics) {
    this.store =
        new KafkaCursorStore(
            kafka, CURSOR_FEED_ID, processing.replication(), processing.createTopics());
    PubmedXmlParser parser = new PubmedXmlParser(settings.maxXmlBytes());
    this.efetch = new EfetchLookup(settings, http, parser);
    this.updates = new UpdateFileFollower(settings, http, parser, store, workDir);
    this.metrics = metrics;
    this.fromNow = policy == StartPolicy.FROM_NOW;
    this.sinks = sinks();
    this.announced = new AnnouncedPmids(kafka);
  }

  private PubmedSinks sinks() {
    var citations = TopicSerdes.pubmed().serializer();
    return new PubmedSinks(
        r ->
            store.send(
                new ProducerRecord<>(
                    Topics.PUBMED, r.pmid(), citations.serialize(Topics.PUBMED, r))),
        pmid -> store.send(new ProducerRecord<>(Topics.PUBMED, pmid, null)),
        FeedAnnouncements.deadLetters(store, metrics));
  }

  /**
   * Looks up the PMIDs announced since the last lookup ({@link AnnouncedPmids}), then applies the
   * new update files; the line says what came of both. On the first pass of a run that starts from
   * now, the update files published so far are marked done first: efetch gives the current record
   * of everything announced from now on.
   */
  Pass pass() {
    if (!started) {
      started = true;
      if (fromNow) {
        updates.startFromNewest().block(TIMEOUT);
      }
    }
    Set<String> pmids = announced.next();
    EfetchResult found = pmids.isEmpty() ? null : efetch.lookup(pmids, sinks).block(TIMEOUT);
    announced.done();
    UpdateFilesResult applied = updates.poll(sinks).block(TIMEOUT);
    count(found, applied);
    boolean sent =
        (found != null && found.found() > 0) || applied.records() > 0 || applied.deletions() > 0;
    return new Pass(summary(found, applied), sent);
  }

  /**
   * @param line what the pass did, for the log
   * @param sent whether it put anything on {@code pubmed}: only then has the join work to finish
   */
  record Pass(String line, boolean sent) {}

  private void count(EfetchResult e, UpdateFilesResult u) {
    if (e != null) {
      metrics.counter(EFETCH_PMIDS_METRIC, "outcome", "found").increment(e.found());
      metrics.counter(EFETCH_PMIDS_METRIC, "outcome", "unresolved").increment(e.unresolved());
      metrics.counter(EFETCH_PMIDS_METRIC, "outcome", "failed").increment(e.failed());
      metrics.counter(EFETCH_PMIDS_METRIC, "outcome", "invalid").increment(e.invalid());
      metrics.counter(CITATIONS_METRIC, "source", "efetch").increment(e.found());
    }
    metrics.counter(UPDATE_FILES_METRIC).increment(u.applied().size());
    metrics.counter(CITATIONS_METRIC, "source", "update-file").increment(u.records());
    metrics.counter(DELETIONS_METRIC).increment(u.deletions());
  }

  static String summary(EfetchResult e, UpdateFilesResult u) {
    String efetch =
        e == null
            ? "efetch: no PMIDs announced"
            : String.format(
                Locale.ROOT,
                "efetch: %d PMIDs, %d found, %d unresolved, %d failed, %d invalid, in %d requests",
                e.asked(),
                e.found(),
                e.unresolved(),
                e.failed(),
                e.invalid(),
                e.requests());
    String files =
        String.format(
            Locale.ROOT,
            "update files: %d applied%s, %d citations, %d deletions, %d not in PMC%s%s",
            u.applied().size(),
            u.applied().isEmpty() ? "" : " (" + String.join(", ", u.applied()) + ")",
            u.records(),
            u.deletions(),
            u.skippedNotInPmc(),
            u.blockedAt() == null ? "" : ", stopped at " + u.blockedAt() + " (see dlq)",
            u.pending() == 0 ? "" : ", " + u.pending() + " left for the next pass");
    return "pubmed: " + efetch + "; " + files;
  }

  @Override
  public void close() {
    announced.close();
    store.close();
  }
}
