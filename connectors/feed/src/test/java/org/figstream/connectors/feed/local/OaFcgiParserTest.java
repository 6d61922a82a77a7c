package org.figstream.connectors.feed.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Announcement;
import org.junit.jupiter.api.Test;

/** The two real oa.fcgi captures in the fixtures (values read off the files). */
class OaFcgiParserTest {

  @Test
  void shouldReadARecordAndTheResumptionLink() {
    OaFcgiParser.Page page =
        OaFcgiParser.parse(SampleArticles.fixture("oa_fcgi_from_2017-04-26_resumption.xml"));

    assertThat(page.returned()).isEqualTo(1000);
    assertThat(page.total()).isEqualTo(1840100);
    assertThat(page.announcements()).hasSize(1);
    Announcement a = page.announcements().get(0);
    assertThat(a.pmcid()).isEqualTo("PMC3405500");
    assertThat(a.source()).isEqualTo("oa.fcgi");
    assertThat(a.metadata().citation()).isEqualTo("J Exp Med. 2012 Jul 2; 209(7):1325-1334");
    assertThat(a.metadata().other())
        .containsEntry(
            "tgz_url", "ftp://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_package/e3/77/PMC3405500.tar.gz")
        .containsEntry("tgz_updated", "2013-01-02 00:20:58");
    assertThat(page.resumptionToken()).isEqualTo("70563!20041005124955!!!4a5f954e36e1f62c");
    assertThat(page.resumptionHref())
        .isEqualTo(
            "http://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi?resumptionToken=70563%2120041005124955%21%21%214a5f954e36e1f62c");
  }

  @Test
  void shouldReadAnEmptyAnswer() {
    OaFcgiParser.Page page =
        OaFcgiParser.parse(SampleArticles.fixture("oa_fcgi_until_no_results_2017-04-27.xml"));

    assertThat(page.announcements()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.resumptionToken()).isNull();
  }

  @Test
  void shouldReadLicenseAndRetractionWhenTheRecordHasThem() {
    String xml =
        "<OA><records returned-count=\"1\" total-count=\"1\"><record id=\"PMC13900\" citation=\"c\" "
            + "license=\"CC BY\" retracted=\"yes\"><link format=\"tgz\" updated=\"2024-01-01 00:00:00\" "
            + "href=\"ftp://x/PMC13900.tar.gz\"/></record></records></OA>";

    Announcement a =
        OaFcgiParser.parse(xml.getBytes(StandardCharsets.UTF_8)).announcements().get(0);

    assertThat(a.metadata().licenseCode()).isEqualTo("CC BY");
    assertThat(a.metadata().retracted()).isTrue();
    assertThat(a.withdraws()).isTrue();
  }

  @Test
  void shouldTurnAnErrorAnswerIntoATypedException() {
    String xml =
        "<OA><error code=\"idIsNotOpenAccess\">identifier 'PMC1' is not Open Access</error></OA>";

    assertThatThrownBy(() -> OaFcgiParser.parse(xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            OaFcgiParser.OaFcgiError.class,
            e -> {
              assertThat(e.code()).isEqualTo("idIsNotOpenAccess");
              assertThat(e.getMessage()).contains("is not Open Access");
            });
  }
}
