package org.figstream.records;

import java.util.List;

/**
 * What a figure shows, in BIOMEDICA's terms: global concepts (the modality: microscopy, chart,
 * ...), local concepts (finer ones) best first, and whether the image is one panel or several.
 *
 * @param method how the labels were made: {@code zero-shot} or {@code biomedica-clusters}
 * @param panelType {@code single} or {@code multiple}
 */
public record ConceptLabels(
    String method, String panelType, List<ConceptScore> global, List<ConceptScore> local) {}
