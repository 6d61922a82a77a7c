package org.figstream.state;

import java.util.List;

/** The version an article has on the figures topic, and the pair ids it put there. */
public record LedgerEntry(int version, boolean withdrawn, List<String> pairIds) {}
