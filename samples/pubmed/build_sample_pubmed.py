#!/usr/bin/env python3
"""Builds the offline PubMed sample data in this folder (see README.md). Standard library only.

Run from the repository root: python3 samples/pubmed/build_sample_pubmed.py
It rewrites efetch.xml and updatefiles/day*/pubmed26n*.xml; the output is deterministic.
"""
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "samples" / "pubmed"
JATS = ROOT / "samples" / "articles" / "elife-46793-v1" / "main.jats.xml"
TESTS = ROOT / "connectors" / "feed" / "src" / "test" / "resources" / "pubmed"

# synthetic, like the sample bucket's PMCIDs (its article 5): see README.md
PMID = "99000005"
PMCID = "PMC99000005"
HEADER = (
    '<?xml version="1.0" ?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)
# Built for the demonstration, NOT NLM's indexing of the article: the name/UI pair is copied from
# the real PubMed files in connectors/feed/src/test/resources/pubmed (biopython-pubmed4); of the
# descriptors there, only Humans applies to a study of G-quadruplexes in human cells.
BUILT_MESH = [
    ("D006801", "Humans", "N"),
]


def text(e):
    return " ".join("".join(e.itertext()).split()) if e is not None else ""


def x(s):
    return escape(s)


def date(tag, ymd):
    y, m, d = ymd.split("-")
    return f"<{tag}><Year>{y}</Year><Month>{m}</Month><Day>{d}</Day></{tag}>"


def citation(status, revised, completed=None, mesh=()):
    """One PubmedArticle for the sample PMID, from the article's own JATS."""
    art = ET.parse(JATS).getroot()
    meta = art.find("front/article-meta")
    title = text(meta.find("title-group/article-title"))
    abstract = next(a for a in meta.findall("abstract") if a.get("abstract-type") is None)
    abstract_text = " ".join(text(p) for p in abstract.findall("p"))
    doi = meta.find("article-id[@pub-id-type='doi']").text
    authors = []
    for c in meta.findall("contrib-group/contrib[@contrib-type='author']"):
        name = c.find("name")
        if name is None:
            continue
        last, fore = name.findtext("surname"), name.findtext("given-names") or ""
        # "Nicole AR" -> NAR: a word in capitals is initials already
        initials = "".join(w if w.isupper() and len(w) <= 3 else w[0] for w in fore.split())
        authors.append(
            f'<Author ValidYN="Y"><LastName>{x(last)}</LastName><ForeName>{x(fore)}</ForeName>'
            f"<Initials>{x(initials)}</Initials></Author>"
        )
    keywords = [text(k) for k in meta.findall("kwd-group/kwd")]
    refs = []
    for ref in art.findall("back/ref-list/ref"):
        c = ref.find("element-citation")
        if c is None:
            c = ref.find("mixed-citation")
        people = [
            f"{n.findtext('surname')} {n.findtext('given-names') or ''}".strip()
            for n in c.findall("person-group/name")
        ]
        parts = [", ".join(people), c.findtext("year") or ""]
        parts += [text(c.find("article-title")) or text(c.find("source"))]
        if c.find("article-title") is not None:
            parts.append(text(c.find("source")))
        cite = ". ".join(p for p in parts if p)
        for field, sep in (("volume", " "), ("fpage", ":"), ("lpage", "-")):
            if c.findtext(field):
                cite += sep + c.findtext(field)
        ids = ""
        for kind, idtype in (("pmid", "pubmed"), ("doi", "doi")):
            v = c.findtext(f"pub-id[@pub-id-type='{kind}']")
            if v:
                ids += f'<ArticleId IdType="{idtype}">{x(v.strip())}</ArticleId>'
        refs.append(
            f"<Reference><Citation>{x(cite)}.</Citation>"
            + (f"<ArticleIdList>{ids}</ArticleIdList>" if ids else "")
            + "</Reference>"
        )
    pub = meta.find("pub-date[@date-type='publication']")
    y, m, d = pub.findtext("year"), pub.findtext("month"), pub.findtext("day")
    history = "".join(
        f'<PubMedPubDate PubStatus="{s}"><Year>{e.findtext("year")}</Year>'
        f'<Month>{e.findtext("month")}</Month><Day>{e.findtext("day")}</Day></PubMedPubDate>'
        for s, e in (
            ("received", meta.find("history/date[@date-type='received']")),
            ("accepted", meta.find("history/date[@date-type='accepted']")),
        )
    )
    mesh_xml = ""
    if mesh:
        mesh_xml = (
            "<MeshHeadingList>"
            + "".join(
                f'<MeshHeading><DescriptorName UI="{ui}" MajorTopicYN="{major}">{x(name)}'
                "</DescriptorName></MeshHeading>"
                for ui, name, major in mesh
            )
            + "</MeshHeadingList>"
        )
    return (
        "<PubmedArticle>\n"
        f'<MedlineCitation Status="{status}" Owner="NLM">\n'
        f'<PMID Version="1">{PMID}</PMID>\n'
        + (date("DateCompleted", completed) + "\n" if completed else "")
        + date("DateRevised", revised)
        + "\n"
        '<Article PubModel="Electronic">\n'
        f'<Journal><ISSN IssnType="Electronic">{x(art.findtext("front/journal-meta/issn"))}'
        '</ISSN><JournalIssue CitedMedium="Internet">'
        f"<Volume>{x(meta.findtext('volume'))}</Volume>"
        f"<PubDate><Year>{y}</Year><Month>{m}</Month><Day>{d}</Day></PubDate>"
        "</JournalIssue>"
        f"<Title>{x(text(art.find('front/journal-meta/journal-title-group/journal-title')))}"
        "</Title></Journal>\n"
        f"<ArticleTitle>{x(title)}</ArticleTitle>\n"
        f'<ELocationID EIdType="doi" ValidYN="Y">{x(doi)}</ELocationID>\n'
        f"<Abstract><AbstractText>{x(abstract_text)}</AbstractText></Abstract>\n"
        f'<AuthorList CompleteYN="Y">{"".join(authors)}</AuthorList>\n'
        "<Language>eng</Language>\n"
        '<PublicationTypeList><PublicationType UI="D016428">Journal Article'
        "</PublicationType></PublicationTypeList>\n"
        f'<ArticleDate DateType="Electronic"><Year>{y}</Year><Month>{m}</Month>'
        f"<Day>{d}</Day></ArticleDate>\n"
        "</Article>\n"
        + (mesh_xml + "\n" if mesh_xml else "")
        + '<KeywordList Owner="NOTNLM">'
        + "".join(f'<Keyword MajorTopicYN="N">{x(k)}</Keyword>' for k in keywords)
        + "</KeywordList>\n"
        "</MedlineCitation>\n"
        "<PubmedData>\n"
        f"<History>{history}</History>\n"
        "<PublicationStatus>epublish</PublicationStatus>\n"
        f'<ArticleIdList><ArticleId IdType="pubmed">{PMID}</ArticleId>'
        f'<ArticleId IdType="doi">{x(doi)}</ArticleId>'
        f'<ArticleId IdType="pmc">{PMCID}</ArticleId></ArticleIdList>\n'
        f"<ReferenceList>{''.join(refs)}</ReferenceList>\n"
        "</PubmedData>\n"
        "</PubmedArticle>\n"
    )


def real_article(name):
    """A PubmedArticle copied byte for byte from a real file of the parser's test resources."""
    s = (TESTS / name).read_text(encoding="utf-8")
    m = re.search(r"<PubmedArticle>.*?</PubmedArticle>", s, re.S)
    return m.group(0) + "\n"


def article_set(body):
    return HEADER + "<PubmedArticleSet>\n" + body + "</PubmedArticleSet>\n"


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def main():
    write(OUT / "efetch.xml", article_set(citation("In-Data-Review", "2026-11-19")))
    write(
        OUT / "updatefiles" / "day1" / "pubmed26n1501.xml",
        article_set(real_article("biopython-pubmed7.xml") + real_article("pubmed-29768149.xml")),
    )
    write(
        OUT / "updatefiles" / "day2" / "pubmed26n1502.xml",
        article_set(
            citation("MEDLINE", "2026-11-20", completed="2026-11-20", mesh=BUILT_MESH)
            + real_article("biopython-pubmed4-27797938.xml")
            + '<DeleteCitation>\n<PMID Version="1">29963580</PMID>\n</DeleteCitation>\n'
        ),
    )


if __name__ == "__main__":
    main()
