package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.List;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import org.figstream.records.Mention;

/** A figure record before its pair id is known and its mentions are linked. */
final class FigureDraft {
  final FigureKind kind;
  final String figureId;
  final int graphicIndex;
  final String groupId;
  final String parentId;
  final String specificUse;
  final String context;
  final String label;
  final String captionTitle;
  final String caption;
  final String doi;
  final String href;
  final String mediaFile;
  final List<Mention> mentions = new ArrayList<>();

  /** Citations past {@link OutputLimits#MENTIONS_PER_FIGURE}, counted for the warning. */
  int droppedMentions;

  /** Whether the caption or its title was longer than {@link OutputLimits#CAPTION_CHARS}. */
  final boolean captionCut;

  FigureDraft(
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
      String mediaFile) {
    this.kind = kind;
    this.figureId = figureId;
    this.graphicIndex = graphicIndex;
    this.groupId = groupId;
    this.parentId = parentId;
    this.specificUse = specificUse;
    this.context = context;
    this.label = label;
    this.captionTitle = OutputLimits.clip(captionTitle, OutputLimits.CAPTION_CHARS);
    this.caption = OutputLimits.clip(caption, OutputLimits.CAPTION_CHARS);
    this.captionCut = this.caption != caption || this.captionTitle != captionTitle;
    this.doi = doi;
    this.href = href;
    this.mediaFile = mediaFile;
  }

  FigureRecord toRecord(String articleKey) {
    return new FigureRecord(
        articleKey + "/" + figureId + "/" + graphicIndex,
        articleKey,
        kind,
        figureId,
        graphicIndex,
        groupId,
        parentId,
        specificUse,
        context,
        label,
        captionTitle,
        caption,
        doi,
        href,
        mediaFile,
        List.copyOf(mentions));
  }
}
