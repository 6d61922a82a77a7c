package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.figstream.records.Taxonomy;
import org.junit.jupiter.api.Test;

class ConceptFormsTest {
  private static final ConceptForms FORMS =
      new ConceptForms(Set.of("Plots and Charts"), Set.of("Microscopy"));

  @Test
  void shouldWeighConceptsByHowWellTheirFormFitsThePixels() {
    // FLOOR + (1 - FLOOR) * p: 0.1 + 0.9 * 1 = 1 and 0.1 + 0.9 * 0 = 0.1; neither form weighs the
    // mean.
    assertThat(FORMS.weight("Plots and Charts", 1f)).isEqualTo(1f);
    assertThat(FORMS.weight("Microscopy", 1f)).isCloseTo(0.1f, within(1e-6f));
    assertThat(FORMS.weight("PCR", 1f)).isCloseTo(0.55f, within(1e-6f));
    assertThat(FORMS.weight("Plots and Charts", 0f)).isCloseTo(0.1f, within(1e-6f));
    assertThat(FORMS.weight("Microscopy", 0f)).isEqualTo(1f);
    // 0.1 + 0.9 * 0.25 = 0.325 drawn, 0.1 + 0.9 * 0.75 = 0.775 photographic.
    assertThat(FORMS.weight("Plots and Charts", 0.25f)).isCloseTo(0.325f, within(1e-6f));
    assertThat(FORMS.weight("Microscopy", 0.25f)).isCloseTo(0.775f, within(1e-6f));
  }

  @Test
  void shouldWeighEveryConceptTheSameWithoutAnImageOrWithoutForms() {
    assertThat(FORMS.weight("Microscopy", null)).isEqualTo(1f);
    assertThat(ConceptForms.NONE.weight("Microscopy", 1f)).isEqualTo(1f);
  }

  @Test
  void shouldReadNoFormsAsNoPrior() {
    assertThat(ConceptForms.parse(null, Taxonomy.biomedica(), "f.json"))
        .isSameAs(ConceptForms.NONE);
  }

  @Test
  void shouldRefuseUnknownFormsAndConcepts() {
    Taxonomy taxonomy = Taxonomy.biomedica();

    assertThatThrownBy(
            () -> ConceptForms.parse(Map.of("sketched", List.of("Maps")), taxonomy, "f.json"))
        .hasMessage(
            "f.json: forms are drawn and photographic, of global concepts; not known: [sketched]");
    assertThatThrownBy(
            () -> ConceptForms.parse(Map.of("drawn", List.of("bar plot")), taxonomy, "f.json"))
        .hasMessage(
            "f.json: forms are drawn and photographic, of global concepts; not known: [bar plot]");
    assertThatThrownBy(() -> new ConceptForms(Set.of("Maps"), Set.of("Maps")))
        .hasMessage("concepts both drawn and photographic: [Maps]");
  }
}
