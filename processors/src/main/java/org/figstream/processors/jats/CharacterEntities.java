package org.figstream.processors.jats;

import java.util.Map;

/**
 * The character entities publisher XML uses without declaring them (their DTD would). Anything else
 * is an entity the document expects a DTD to define, which figstream never reads.
 */
final class CharacterEntities {
  private static final Map<String, String> KNOWN =
      Map.ofEntries(
          Map.entry("nbsp", "\u00A0"),
          Map.entry("ndash", "\u2013"),
          Map.entry("mdash", "\u2014"),
          Map.entry("hellip", "\u2026"),
          Map.entry("lsquo", "\u2018"),
          Map.entry("rsquo", "\u2019"),
          Map.entry("ldquo", "\u201C"),
          Map.entry("rdquo", "\u201D"),
          Map.entry("times", "\u00D7"),
          Map.entry("deg", "\u00B0"),
          Map.entry("plusmn", "\u00B1"),
          Map.entry("micro", "\u00B5"),
          Map.entry("le", "\u2264"),
          Map.entry("ge", "\u2265"),
          Map.entry("minus", "\u2212"),
          Map.entry("thinsp", "\u2009"),
          Map.entry("ensp", "\u2002"),
          Map.entry("emsp", "\u2003"),
          Map.entry("copy", "\u00A9"),
          Map.entry("reg", "\u00AE"),
          Map.entry("trade", "\u2122"),
          Map.entry("alpha", "\u03B1"),
          Map.entry("beta", "\u03B2"),
          Map.entry("gamma", "\u03B3"),
          Map.entry("delta", "\u03B4"),
          Map.entry("epsilon", "\u03B5"),
          Map.entry("kappa", "\u03BA"),
          Map.entry("lambda", "\u03BB"),
          Map.entry("mu", "\u03BC"),
          Map.entry("pi", "\u03C0"),
          Map.entry("sigma", "\u03C3"),
          Map.entry("tau", "\u03C4"),
          Map.entry("omega", "\u03C9"),
          Map.entry("Delta", "\u0394"),
          Map.entry("middot", "\u00B7"),
          Map.entry("bull", "\u2022"),
          Map.entry("prime", "\u2032"),
          Map.entry("Prime", "\u2033"),
          Map.entry("sect", "\u00A7"),
          Map.entry("para", "\u00B6"),
          Map.entry("shy", "\u00AD"),
          Map.entry("rarr", "\u2192"),
          Map.entry("larr", "\u2190"),
          Map.entry("harr", "\u2194"),
          Map.entry("infin", "\u221E"),
          Map.entry("asymp", "\u2248"),
          Map.entry("ne", "\u2260"),
          Map.entry("sim", "\u223C"));

  private CharacterEntities() {}

  /** Every known entity by name, for the parser to expand as if the document had declared it. */
  static Map<String, String> all() {
    return KNOWN;
  }
}
