package org.figstream.records;

/**
 * One place in the running text that cites a figure.
 *
 * @param xrefText the citation as written, e.g. {@code Figure 2A}
 * @param sentence the sentence holding the citation, or a window of at most 1,000 characters of it
 *     around the citation
 * @param paragraph the whole paragraph, whitespace normalised, or a window of at most 10,000
 *     characters of it around the citation (limits in the extractor's OutputLimits)
 */
public record Mention(String xrefText, String sentence, String paragraph) {}
