package org.figstream.connectors.feed.sample;

import java.util.Map;
import java.util.TreeSet;

/**
 * E-utilities esearch on {@code YYYY/MM/DD[pmcrdat]}: the PMC ids (numbers, as esearch gives them)
 * of the versions whose metadata was written that day.
 */
final class Esearch {
  private Esearch() {}

  static String answer(Map<String, StoredObject> objects, String term) {
    if (term == null || !term.matches("\\d{4}/\\d{2}/\\d{2}\\[pmcrdat]")) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><eSearchResult><ERROR>Invalid query: "
          + ListingXml.escape(String.valueOf(term))
          + "</ERROR></eSearchResult>";
    }
    String day = term.substring(0, 10).replace('/', '-');
    TreeSet<String> ids = new TreeSet<>();
    objects.forEach(
        (key, o) -> {
          if (key.matches("metadata/PMC\\d+\\.\\d+\\.json") && o.lastModified().startsWith(day)) {
            ids.add(key.substring("metadata/PMC".length(), key.indexOf('.')));
          }
        });
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<eSearchResult><Count>")
            .append(ids.size())
            .append("</Count><RetMax>")
            .append(ids.size())
            .append("</RetMax><RetStart>0</RetStart><IdList>");
    ids.forEach(id -> xml.append("<Id>").append(id).append("</Id>"));
    return xml.append("</IdList></eSearchResult>").toString();
  }
}
