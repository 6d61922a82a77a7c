package org.figstream.processors.jats;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import org.figstream.records.Article.PubDate;

/**
 * Reads a {@code pub-date}: every JATS variant of its type attribute, partial dates and seasons.
 */
final class PubDateReader {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private PubDateReader() {}

  static PubDate read(Node date) {
    String type = first(date.attr("pub-type"), date.attr("date-type"));
    String format = date.attr("publication-format");
    String year = digits(TextFlattener.text(date.child("year")));
    Integer month = month(TextFlattener.text(date.child("month")));
    Integer day = number(TextFlattener.text(date.child("day")));
    String season = TextFlattener.text(date.child("season"));
    StringBuilder raw = new StringBuilder();
    for (Node part : date.elements()) {
      String text = TextFlattener.text(part);
      if (text != null) {
        raw.append(raw.length() == 0 ? "" : " ").append(text);
      }
    }
    String iso = null;
    if (year != null) {
      iso = year;
      if (month != null && month >= 1 && month <= 12) {
        iso += (month < 10 ? "-0" : "-") + month;
        if (day != null
            && day >= 1
            && day <= YearMonth.of(Integer.parseInt(year), month).lengthOfMonth()) {
          iso += (day < 10 ? "-0" : "-") + day;
        }
      }
    } else if (date.attr("iso-8601-date") != null) {
      iso = date.attr("iso-8601-date");
    }
    return new PubDate(type, format, iso, raw.length() == 0 ? null : raw.toString(), season);
  }

  private static Integer month(String text) {
    if (text == null) {
      return null;
    }
    Integer numeric = number(text);
    if (numeric != null) {
      return numeric;
    }
    String key = text.trim().toLowerCase(Locale.ROOT);
    return key.length() >= 3 ? MONTHS.get(key.substring(0, 3)) : null;
  }

  private static Integer number(String text) {
    String d = digits(text);
    return d == null ? null : Integer.valueOf(d);
  }

  private static String digits(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    return !t.isEmpty() && t.length() <= 4 && t.chars().allMatch(Character::isDigit) ? t : null;
  }

  static String first(String a, String b) {
    return a != null ? a : b;
  }
}
