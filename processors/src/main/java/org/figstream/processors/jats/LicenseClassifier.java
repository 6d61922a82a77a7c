package org.figstream.processors.jats;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.figstream.records.LicenseCode;

/**
 * Normalises a license to the codes BIOMEDICA splits by. The URL decides when there is one (in
 * {@code ali:license_ref}, {@code xlink:href}, or written in the statement); otherwise the wording
 * of the statement ("Creative Commons Attribution Non-Commercial License", "CC BY-NC-ND").
 */
final class LicenseClassifier {
  private static final Pattern CC_URL = Pattern.compile("creativecommons\\.org/licenses/([a-z-]+)");
  private static final Pattern CC_CODE =
      Pattern.compile("\\bcc[ -]?by(?:[ -](nc))?(?:[ -](sa|nd))?(?:[ -](nc))?\\b");

  private LicenseClassifier() {}

  static LicenseCode classify(String url, String text) {
    LicenseCode fromUrl = fromUrl(url);
    if (fromUrl != null) {
      return fromUrl;
    }
    LicenseCode fromStatement = text == null ? null : fromUrl(text);
    if (fromStatement == null && text != null) {
      fromStatement = fromWording(text);
    }
    return fromStatement == null ? LicenseCode.OTHER : fromStatement;
  }

  private static LicenseCode fromUrl(String url) {
    if (url == null) {
      return null;
    }
    // A statement may hold several URLs (BioMed Central: CC BY for the article, then a CC0 waiver
    // for
    // its data): the first one is the article's license.
    String u = url.toLowerCase(Locale.ROOT);
    int zero = u.indexOf("creativecommons.org/publicdomain/zero");
    int mark = u.indexOf("creativecommons.org/publicdomain/mark");
    Matcher m = CC_URL.matcher(u);
    int licenses = m.find() ? m.start() : -1;
    int first = earliest(zero, earliest(mark, licenses));
    if (first < 0) {
      return null;
    }
    if (first == zero) {
      return LicenseCode.CC0;
    }
    if (first == mark) {
      return LicenseCode.PUBLIC_DOMAIN;
    }
    String terms = m.group(1);
    return code(terms.contains("nc"), terms.contains("sa"), terms.contains("nd"));
  }

  /** The smaller of two string positions, where -1 means absent. */
  private static int earliest(int a, int b) {
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }

  private static LicenseCode fromWording(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    String words = t.replaceAll("[^a-z0-9]+", " ");
    int cc0 =
        earliest(
            words.indexOf("cc0"),
            earliest(words.indexOf("cc 0 "), words.indexOf("public domain dedication")));
    Matcher m = CC_CODE.matcher(words);
    boolean hasCode = m.find();
    int attribution =
        earliest(hasCode ? m.start() : -1, words.indexOf("creative commons attribution"));
    // CC0 named after an attribution license is a waiver for the data, not the article's license.
    if (cc0 >= 0 && (attribution < 0 || cc0 < attribution)) {
      return LicenseCode.CC0;
    }
    if (hasCode) {
      return code(
          m.group(1) != null || m.group(3) != null,
          "sa".equals(m.group(2)),
          "nd".equals(m.group(2)));
    }
    if (words.contains("creative commons attribution")) {
      boolean nc = words.contains("noncommercial") || words.contains("non commercial");
      boolean sa = words.contains("sharealike") || words.contains("share alike");
      boolean nd =
          words.contains("noderiv")
              || words.contains("no deriv")
              || words.contains("no derivative");
      return code(nc, sa, nd);
    }
    if (words.contains("public domain")) {
      return LicenseCode.PUBLIC_DOMAIN;
    }
    return null;
  }

  private static LicenseCode code(boolean nc, boolean sa, boolean nd) {
    if (nc) {
      return sa ? LicenseCode.CC_BY_NC_SA : nd ? LicenseCode.CC_BY_NC_ND : LicenseCode.CC_BY_NC;
    }
    return sa ? LicenseCode.CC_BY_SA : nd ? LicenseCode.CC_BY_ND : LicenseCode.CC_BY;
  }
}
