package org.figstream.processors.jats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionException.Kind;

/**
 * One streaming pass over a document. It captures only what extraction reads (the main {@code
 * front}, running-text paragraphs and floats) and streams past the rest (references, section
 * wrappers), so the cost stays close to the parse itself. Works with or without the {@code
 * pmc-articleset} wrapper and with or without a default namespace, since it matches local names.
 */
final class ArticleScanner {
  private static final Set<String> FLOATS =
      Set.of("fig", "fig-group", "table-wrap", "table-wrap-group");
  private static final Set<String> CONTAINERS =
      Set.of(
          "body",
          "back",
          "app",
          "app-group",
          "boxed-text",
          "floats-group",
          "sub-article",
          "response");

  private ArticleScanner() {}

  static List<ScannedArticle> scan(XMLStreamReader r) throws XMLStreamException {
    List<ScannedArticle> articles = new ArrayList<>();
    List<String> containers = new ArrayList<>();
    String context = "";
    ScannedArticle current = null;
    int depth = 0;
    int articleDepth = -1;
    int subArticleDepth = 0;
    int captionDepth = 0;
    Deque<String> open = new ArrayDeque<>();
    Deque<Boolean> captionExcludes = new ArrayDeque<>();
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        String name = r.getLocalName();
        if (depth == articleDepth) {
          articles.add(current);
          current = null;
          articleDepth = -1;
        } else if (name.equals("caption")) {
          if (Boolean.TRUE.equals(captionExcludes.poll())) {
            captionDepth--;
          }
        } else if (CONTAINERS.contains(name) && current != null) {
          containers.remove(containers.size() - 1);
          context = String.join("/", containers);
          if (name.equals("sub-article") || name.equals("response")) {
            subArticleDepth--;
          }
        }
        depth--;
        if (!open.isEmpty()) {
          open.pop();
        }
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      if (current == null) {
        if (name.equals("article")) {
          current = new ScannedArticle(r.getAttributeValue(null, "article-type"));
          containers.clear();
          context = "";
          articleDepth = depth + 1;
        } else if (name.equals("Reply") || name.equals("ERROR")) {
          String error = r.getAttributeValue(null, "error");
          throw new ExtractionException(
              Kind.NOT_AN_ARTICLE,
              "the document is a service error, not an article: "
                  + (error != null ? error : r.getElementText()));
        }
        depth++;
        continue;
      }
      if (name.equals("front") && subArticleDepth == 0 && current.front == null) {
        current.front = SubtreeReader.capture(r);
      } else if (name.equals("p") || FLOATS.contains(name)) {
        boolean runningText = name.equals("p") && captionDepth == 0;
        current.parts.add(new ScannedArticle.Part(SubtreeReader.capture(r), context, runningText));
      } else {
        depth++;
        if (name.equals("caption")) {
          // eLife puts a whole box's text in its caption: that is running text, a figure's caption
          // is not
          boolean excludes = !"boxed-text".equals(open.peek());
          captionExcludes.push(excludes);
          if (excludes) {
            captionDepth++;
          }
        }
        open.push(name);
        if (CONTAINERS.contains(name)) {
          containers.add(name);
          context = String.join("/", containers);
          if (name.equals("sub-article") || name.equals("response")) {
            subArticleDepth++;
          }
        }
      }
    }
    if (articles.isEmpty()) {
      throw new ExtractionException(Kind.NOT_AN_ARTICLE, "no <article> element in the document");
    }
    return articles;
  }
}
