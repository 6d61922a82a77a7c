package org.figstream.topology.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.NormalizedImage;
import org.figstream.records.PublishedFigure;
import org.figstream.state.StoreNames;

/**
 * Names, for every figure with an image, the canonical pair that showed the same image: exactly
 * (the first with the same pixel SHA-256) or nearly (the nearest canonical pair whose perceptual
 * hash is within the configured distance, found through the block index, never a scan). A pair that
 * is neither is canonical itself; duplicates keep their own record with {@code duplicateOf} set, or
 * are dropped when the policy says so. A canonical pair is named only while it is on {@code
 * figures} ({@link LivePairs}, from the pair ledger): once its article is withdrawn or a newer
 * version drops it, the next pair showing the image takes its place.
 */
public final class DedupProcessor
    implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
  private final DedupSettings settings;
  private final StageTimes times;
  private ProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, String> exact;
  private NearIndex nearIndex;
  private LivePairs live;

  public DedupProcessor(DedupSettings settings) {
    this(settings, StageTimes.NONE);
  }

  /**
   * With each {@link #process} call's time recorded as the {@code dedup} stage on {@code times}.
   */
  public DedupProcessor(DedupSettings settings, StageTimes times) {
    this.settings = settings;
    this.times = times;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.exact = context.getStateStore(StoreNames.DEDUP_EXACT);
    this.nearIndex =
        new NearIndex(context.getStateStore(StoreNames.DEDUP_NEAR), settings.maxDistance());
    this.live = new LivePairs(context.getStateStore(StoreNames.PAIR_LEDGER));
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    times.time(StageTimes.DEDUP, () -> handle(record));
  }

  private void handle(Record<String, EnrichedArticle> record) {
    EnrichedArticle e = record.value();
    if (e == null || e.withdrawn()) {
      context.forward(record);
      return;
    }
    live.processing(e);
    List<PublishedFigure> out = new ArrayList<>(e.figures().size());
    for (PublishedFigure f : e.figures()) {
      PublishedFigure checked = f.image() == null ? f : check(f);
      if (!(settings.drop() && checked.duplicateOf() != null)) {
        out.add(checked);
      }
    }
    context.forward(
        record.withValue(new EnrichedArticle(e.pmcid(), e.version(), false, null, out)));
  }

  private PublishedFigure check(PublishedFigure f) {
    NormalizedImage image = f.image();
    String self = f.pairId();
    String same = exact.get(image.pixelSha256());
    if (same != null && !same.equals(self) && live.live(same)) {
      return f.duplicating(same, "exact");
    }
    if (!self.equals(same)) {
      // none, or a pair no longer on figures: this one shows the image first now
      exact.put(image.pixelSha256(), self);
    }
    // also when the exact entry is this pair's own (processed before, a near duplicate's included):
    // the near search decides again, so that a new version gets the verdict the last one got
    String near = nearIndex.nearestElseList(self, image.perceptualHash(), live::live);
    return near == null ? f : f.duplicating(near, "near");
  }
}
