package org.figstream.records;

/** One concept of the BIOMEDICA taxonomy, spelled as the taxonomy spells it, with its score. */
public record ConceptScore(String concept, float score) {}
