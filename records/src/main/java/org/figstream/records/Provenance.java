package org.figstream.records;

import java.time.Instant;

/**
 * Where a published pair came from and what made it, so a dataset row can be traced to the article
 * version, the feed's source and the code that produced it.
 *
 * @param source the announcement's source: an inventory id, {@code esearch}, {@code folder:...}
 * @param pipelineVersion figstream's version
 */
public record Provenance(
    String pmcid, int version, String source, Instant processedAt, String pipelineVersion) {}
