package org.figstream.topology.dedup;

/**
 * @param maxDistance perceptual-hash bits two images may differ by and still count as near
 *     duplicates (sample figures: re-encodings and resizes stay within 4 bits, distinct figures are
 *     10 or more apart)
 * @param drop drop duplicates from {@code figures} instead of publishing them marked
 */
public record DedupSettings(int maxDistance, boolean drop) {
  public static final DedupSettings DEFAULTS = new DedupSettings(6, false);
}
