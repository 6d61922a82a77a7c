package org.figstream.records;

/**
 * One place in the running text that cites a figure.
 *
 * @param xrefText the citation as written, e.g. {@code Figure 2A}
 * @param sentence the sentence holding the citation
 * @param paragraph the whole paragraph, whitespace normalised
 */
public record Mention(String xrefText, String sentence, String paragraph) {}
