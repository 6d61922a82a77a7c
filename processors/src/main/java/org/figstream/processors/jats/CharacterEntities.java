package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * The character entities publisher XML uses without declaring them (their DTD would): the complete
 * HTML5 named character reference set (which contains the ISO 8879 sets JATS DTDs declare, such as
 * {@code &commat;} and {@code &ast;}), taken from jsoup. Anything else is an entity the document
 * expects a DTD to define, which figstream never reads.
 *
 * <p>Every replacement text is one or two characters and holds no markup and no named entity
 * ({@code <} and {@code &} are written as numeric character references), so an expansion cannot
 * expand further and never amplifies the input beyond two characters per reference.
 */
final class CharacterEntities {
  /** XML's own five, which the parser knows already and which must not be redefined. */
  private static final Set<String> XML_PREDEFINED = Set.of("lt", "gt", "amp", "apos", "quot");

  private static final Map<String, String> KNOWN = load();

  private CharacterEntities() {}

  /** Every known entity by name, for the parser to expand as if the document had declared it. */
  static Map<String, String> all() {
    return KNOWN;
  }

  /** The characters {@code name} stands for, or null where it is not an HTML5 named entity. */
  static String characters(String name) {
    String value = Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
    return value.isEmpty() ? null : value;
  }

  private static Map<String, String> load() {
    Map<String, String> known = new LinkedHashMap<>();
    for (String name : names()) {
      if (XML_PREDEFINED.contains(name)) {
        continue;
      }
      String value = characters(name);
      if (value == null || value.codePointCount(0, value.length()) > 2) {
        throw new IllegalStateException("jsoup's entity table has no usable value for " + name);
      }
      known.put(name, markupFree(value));
    }
    if (known.size() < 2000) {
      throw new IllegalStateException("jsoup's entity table is incomplete: " + known.size());
    }
    return Collections.unmodifiableMap(known);
  }

  /**
   * The names of jsoup's full (HTML5) escape mode. jsoup answers {@link Entities#getByName} for
   * every one of them but lists them only in its packed table ({@code name=codepoints;index&...}),
   * which is read here; the values themselves come from the public API.
   */
  private static Iterable<String> names() {
    String packed;
    try {
      var field = Class.forName("org.jsoup.nodes.EntitiesData").getDeclaredField("fullPoints");
      field.setAccessible(true);
      packed = (String) field.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read jsoup's named entity table", e);
    }
    List<String> names = new ArrayList<>();
    for (String record : packed.split("&")) {
      int eq = record.indexOf('=');
      if (eq > 0) {
        names.add(record.substring(0, eq));
      }
    }
    return names;
  }

  private static String markupFree(String value) {
    return value.replace("&", "&#38;").replace("<", "&#60;");
  }
}
