package org.figstream.state;

/**
 * What the gate remembers of an article: its latest version, that version's ETag, and withdrawal.
 */
public record GateState(int version, String etag, boolean withdrawn) {}
