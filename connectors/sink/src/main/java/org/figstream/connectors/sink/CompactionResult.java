package org.figstream.connectors.sink;

import java.util.List;
import org.figstream.connectors.sink.manifest.Manifest;

/**
 * What a compaction did.
 *
 * @param rewritten shards rewritten without their dead rows
 * @param upgraded shards an older figstream wrote in another row layout, rewritten or merged in the
 *     current one (and without their dead rows)
 * @param dropped shards removed because none of their rows was live
 * @param merged small shards merged
 * @param mergedInto shards written from them (none when none of their rows was live)
 * @param rowsRemoved dead rows taken out
 * @param webdataset the WebDataset tars now current (empty when the export is off)
 */
public record CompactionResult(
    Manifest manifest,
    int rewritten,
    int upgraded,
    int dropped,
    int merged,
    int mergedInto,
    long rowsRemoved,
    List<String> webdataset) {

  /** One line for a log: what changed. */
  public String describe() {
    return "rewrote "
        + rewritten
        + " shards, upgraded "
        + upgraded
        + " of an older row layout, dropped "
        + dropped
        + ", merged "
        + merged
        + " small shards into "
        + mergedInto
        + ", took out "
        + rowsRemoved
        + " dead rows";
  }
}
