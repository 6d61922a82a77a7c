package org.figstream.records;

import java.time.LocalDate;
import java.util.List;

/**
 * One PubMed citation as NLM publishes it, journal article or Bookshelf document: what figstream
 * joins to articles by PMID. Plain data; lists are never null (empty when the citation has none, as
 * MeSH is until NLM indexes the article, often months after publication).
 *
 * @param pmid the citation's own PMID, never one of a cited or commenting citation
 * @param version the PMID's {@code Version} attribute (1 when absent); NLM versions a PMID only for
 *     a few journals that publish versioned articles
 * @param status {@code MedlineCitation Status}: {@code MEDLINE} once indexed, {@code In-Process},
 *     {@code In-Data-Review}, {@code PubMed-not-MEDLINE}, ...; null for a book
 * @param pmcid the PMCID in {@code PubmedData}'s {@code ArticleIdList} ({@code PMC5442267}), or
 *     null when the citation is not in PubMed Central
 * @param title {@code ArticleTitle} as plain text, or a whole book's {@code BookTitle}; null if
 *     neither is present
 * @param bookArticle true for a {@code PubmedBookArticle} (Bookshelf chapter or book)
 * @param abstractSections the abstract in order; an unstructured abstract is one section with a
 *     null label
 * @param dateCompleted {@code DateCompleted}: when MEDLINE indexing finished; null before
 * @param dateRevised {@code DateRevised}: the last change NLM made to the citation
 */
public record PubmedRecord(
    String pmid,
    int version,
    String status,
    String pmcid,
    String title,
    boolean bookArticle,
    List<MeshHeading> meshHeadings,
    List<PublicationType> publicationTypes,
    List<Chemical> chemicals,
    List<Keyword> keywords,
    List<Grant> grants,
    List<AbstractSection> abstractSections,
    List<Reference> references,
    LocalDate dateCompleted,
    LocalDate dateRevised) {

  public PubmedRecord {
    meshHeadings = List.copyOf(meshHeadings);
    publicationTypes = List.copyOf(publicationTypes);
    chemicals = List.copyOf(chemicals);
    keywords = List.copyOf(keywords);
    grants = List.copyOf(grants);
    abstractSections = List.copyOf(abstractSections);
    references = List.copyOf(references);
  }

  /** A MeSH descriptor with the qualifiers (subheadings) NLM attached to it. */
  public record MeshHeading(
      String descriptorName, String descriptorUi, boolean majorTopic, List<Qualifier> qualifiers) {
    public MeshHeading {
      qualifiers = List.copyOf(qualifiers);
    }

    /**
     * True when the descriptor or any of its qualifiers is a major topic: NLM marks the topic major
     * on the qualifier when only that aspect is central (Asthma/drug therapy).
     */
    public boolean anyMajorTopic() {
      return majorTopic || qualifiers.stream().anyMatch(Qualifier::majorTopic);
    }
  }

  public record Qualifier(String name, String ui, boolean majorTopic) {}

  public record PublicationType(String name, String ui) {}

  /**
   * @param registryNumber CAS or EC number, UNII, or "0" when the substance has none
   */
  public record Chemical(String name, String registryNumber, String ui) {}

  /**
   * @param owner the {@code KeywordList Owner}: NOTNLM for author keywords, NLM, PIP, ...
   */
  public record Keyword(String text, String owner, boolean majorTopic) {}

  /** Any of the three may be null: many grants name only the agency. */
  public record Grant(String id, String agency, String country) {}

  /**
   * @param label the publisher's label (BACKGROUND, METHODS, ...) or null
   * @param nlmCategory NLM's normalised category for the label (BACKGROUND, OBJECTIVE, METHODS,
   *     RESULTS, CONCLUSIONS, UNASSIGNED) or null
   */
  public record AbstractSection(String label, String nlmCategory, String text) {}

  /** A cited work: its citation string and, where PubMed gives them, its PMID and DOI. */
  public record Reference(String citation, String pmid, String doi) {}
}
