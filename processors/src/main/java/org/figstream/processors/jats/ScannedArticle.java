package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.List;

/**
 * One article as the scanner leaves it: its root attributes, its captured {@code front}, and the
 * parts that matter for pairs (running-text paragraphs and floats) in document order with where
 * they sat.
 */
final class ScannedArticle {

  /**
   * A captured paragraph or float, and the containers it sat in ({@code body}, {@code
   * back/app-group/app}...). Paragraphs of a caption (of a box, of a supplementary file) hold
   * floats but are not running text.
   */
  record Part(Node node, String context, boolean runningText) {}

  final String articleType;
  Node front;
  final List<Part> parts = new ArrayList<>();

  ScannedArticle(String articleType) {
    this.articleType = articleType;
  }
}
