package org.figstream.records;

import java.util.List;

/**
 * One figure-caption pair: one image of a {@code fig} (or of a {@code table-wrap}) with its
 * caption.
 *
 * @param pairId {@code <articleKey>/<figureId>/<graphicIndex>}, stable across versions of the
 *     article
 * @param figureId the {@code id} of the fig or table-wrap
 * @param graphicIndex 1-based index of the image within its figure (alternatives count as one
 *     image)
 * @param groupId the enclosing {@code fig-group} (or {@code table-wrap-group}) id, if any
 * @param parentId for a figure supplement, the figure it supplements; for a figure in a plain
 *     fig-group, the group
 * @param specificUse the figure's {@code specific-use}, e.g. {@code child-fig} for eLife
 *     supplements
 * @param context where the figure sits: {@code body}, {@code back/app-group/app}, {@code
 *     body/boxed-text}, {@code floats-group}, {@code sub-article/body}, ...
 * @param captionTitle the caption's {@code title}
 * @param caption the full caption: title and every paragraph, inline markup flattened
 * @param href the graphic reference as written in the XML
 * @param mediaFile the media file the graphic resolved to; null when it is missing
 */
public record FigureRecord(
    String pairId,
    String articleKey,
    FigureKind kind,
    String figureId,
    int graphicIndex,
    String groupId,
    String parentId,
    String specificUse,
    String context,
    String label,
    String captionTitle,
    String caption,
    String doi,
    String href,
    String mediaFile,
    List<Mention> mentions) {

  public boolean imageMissing() {
    return mediaFile == null;
  }
}
