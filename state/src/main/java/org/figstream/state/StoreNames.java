package org.figstream.state;

/** Every state store of the topology, named once. */
public final class StoreNames {
  /** PMCID to the latest version seen (and its ETag, and whether it was withdrawn). */
  public static final String VERSION_GATE = "version-gate";

  /** PMCID to the version published and the pair ids it has on the figures topic. */
  public static final String PAIR_LEDGER = "pair-ledger";

  /** Pixel SHA-256 to the first pair that showed that image. */
  public static final String DEDUP_EXACT = "dedup-exact";

  /** Perceptual-hash block to the pairs (and full hashes) whose hash has that block. */
  public static final String DEDUP_NEAR = "dedup-near";

  private StoreNames() {}
}
