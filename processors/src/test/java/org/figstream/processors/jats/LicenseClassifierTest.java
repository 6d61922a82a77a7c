package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;

import org.figstream.records.LicenseCode;
import org.figstream.records.Subset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** License URLs and statements as publishers write them, normalised to a code and its subset. */
class LicenseClassifierTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "http://creativecommons.org/publicdomain/zero/1.0/,           CC0,            COMMERCIAL",
    "https://creativecommons.org/publicdomain/zero/1.0/legalcode, CC0,            COMMERCIAL",
    "http://creativecommons.org/licenses/by/4.0/,                 CC_BY,          COMMERCIAL",
    "https://creativecommons.org/licenses/by/4.0,                 CC_BY,          COMMERCIAL",
    "http://creativecommons.org/licenses/by/,                     CC_BY,          COMMERCIAL",
    "https://creativecommons.org/licenses/by/3.0/legalcode,       CC_BY,          COMMERCIAL",
    "HTTPS://CreativeCommons.org/licenses/BY/2.5/,                CC_BY,          COMMERCIAL",
    "https://creativecommons.org/licenses/by-sa/4.0/,             CC_BY_SA,       COMMERCIAL",
    "http://creativecommons.org/licenses/by-sa,                   CC_BY_SA,       COMMERCIAL",
    "http://creativecommons.org/licenses/by-nd/3.0/,              CC_BY_ND,       COMMERCIAL",
    "https://creativecommons.org/licenses/by-nd/4.0/legalcode,    CC_BY_ND,       COMMERCIAL",
    "https://creativecommons.org/licenses/by-nc/4.0/,             CC_BY_NC,       NONCOMMERCIAL",
    "http://creativecommons.org/licenses/by-nc,                   CC_BY_NC,       NONCOMMERCIAL",
    "http://creativecommons.org/licenses/by-nc-sa/3.0/,           CC_BY_NC_SA,    NONCOMMERCIAL",
    "https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode, CC_BY_NC_SA,    NONCOMMERCIAL",
    "https://creativecommons.org/licenses/by-nc-nd/4.0/,          CC_BY_NC_ND,    NONCOMMERCIAL",
    "http://creativecommons.org/licenses/by-nc-nd/3.0,            CC_BY_NC_ND,    NONCOMMERCIAL",
    "http://creativecommons.org/licenses/by-nd-nc/1.0/,           CC_BY_NC_ND,    NONCOMMERCIAL",
    "https://creativecommons.org/publicdomain/mark/1.0/,          PUBLIC_DOMAIN,  OTHER",
    "http://www.elsevier.com/open-access/userlicense/1.0/,        OTHER,          OTHER",
    "https://www.springer.com/tdm,                                OTHER,          OTHER",
  })
  void shouldClassifyLicenseUrls(String url, LicenseCode code, Subset subset) {
    LicenseCode actual = LicenseClassifier.classify(url, null);

    assertThat(actual).isEqualTo(code);
    assertThat(actual.subset()).isEqualTo(subset);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "This is an open-access article distributed under the terms of the Creative Commons Attribution License,"
            + " which permits unrestricted use, distribution, and reproduction in any medium, provided the original"
            + " author and source are credited. | CC_BY | COMMERCIAL",
        "This is an open-access article, free of all copyright, and may be freely reproduced, distributed,"
            + " transmitted, modified, built upon, or otherwise used by anyone for any lawful purpose. The work is made"
            + " available under the Creative Commons CC0 public domain dedication. | CC0 | COMMERCIAL",
        "To the extent possible under law, the authors have waived all copyright (public domain dedication)."
            + " | CC0 | COMMERCIAL",
        "Distributed under a Creative Commons Attribution-ShareAlike 4.0 International License. | CC_BY_SA | COMMERCIAL",
        "Licensed under Creative Commons Attribution-NoDerivs 3.0. | CC_BY_ND | COMMERCIAL",
        "This is an Open Access article distributed under the terms of the Creative Commons Attribution"
            + " Non-Commercial License, which permits non-commercial re-use. | CC_BY_NC | NONCOMMERCIAL",
        "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International | CC_BY_NC_SA | NONCOMMERCIAL",
        "Creative Commons Attribution Non-Commercial No Derivatives License | CC_BY_NC_ND | NONCOMMERCIAL",
        "This is an open access article under the CC BY-NC-ND license. | CC_BY_NC_ND | NONCOMMERCIAL",
        "Published under CC BY 4.0 | CC_BY | COMMERCIAL",
        "Available under a CC-BY-SA license. | CC_BY_SA | COMMERCIAL",
        "This work is licensed under a Creative Commons Attribution-NonCommercial 4.0 International License"
            + " (http://creativecommons.org/licenses/by-nc/4.0/). | CC_BY_NC | NONCOMMERCIAL",
        // BioMed Central: the CC0 waiver that follows covers the data, not the article.
        "This article is distributed under the terms of the Creative Commons Attribution 4.0 International License"
            + " (http://creativecommons.org/licenses/by/4.0/), which permits unrestricted use. The Creative Commons"
            + " Public Domain Dedication waiver (http://creativecommons.org/publicdomain/zero/1.0/) applies to the data"
            + " made available in this article, unless otherwise stated. | CC_BY | COMMERCIAL",
        "This is an Open Access article distributed under the terms of the Creative Commons Attribution License,"
            + " which permits unrestricted use. The Creative Commons Public Domain Dedication waiver applies to the data"
            + " made available in this article, unless otherwise stated. | CC_BY | COMMERCIAL",
        "Distributed under CC BY-NC 4.0; the CC0 1.0 waiver applies to the data. | CC_BY_NC | NONCOMMERCIAL",
        "This article is a US Government work and is in the public domain in the USA. | PUBLIC_DOMAIN | OTHER",
        "\u00A9 2012 Elsevier Ltd. All rights reserved. | OTHER | OTHER",
        "The authors retain copyright; reuse by permission only. | OTHER | OTHER",
      })
  void shouldClassifyLicenseStatements(String text, LicenseCode code, Subset subset) {
    LicenseCode actual = LicenseClassifier.classify(null, text);

    assertThat(actual).isEqualTo(code);
    assertThat(actual.subset()).isEqualTo(subset);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "http://creativecommons.org/licenses/by/4.0/ | Creative Commons Attribution-NonCommercial License | CC_BY",
        "https://www.example.org/license | Creative Commons Attribution-NonCommercial License | CC_BY_NC",
        "null | null | OTHER",
      })
  void shouldLetTheUrlDecideOverTheStatement(String url, String text, LicenseCode code) {
    assertThat(LicenseClassifier.classify(url, text)).isEqualTo(code);
  }
}
