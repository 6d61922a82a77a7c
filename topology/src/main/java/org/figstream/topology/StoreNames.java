package org.figstream.topology;

/** Every state store of the topology, named once. */
public final class StoreNames {
  /** PMCID to the latest version seen (and its ETag, and whether it was withdrawn). */
  public static final String VERSION_GATE = "version-gate";
  /** PMCID to the version published and the pair ids it has on the figures topic. */
  public static final String PAIR_LEDGER = "pair-ledger";

  private StoreNames() {}
}
