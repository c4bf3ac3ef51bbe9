"""The article reader: an article's text by section, every extracted region, item and figure marked and linked.

A reader checks the extraction against the source in one view: each sentence
is shown once with all its mentions and figures marked where their offsets
say, each mark linking to the entity it denotes (a figure to its own page).
Marks that overlap nest (a region inside an item's name); one that crosses
another is cut at the other's end, so every mark shows once and no link sits
inside another. ``.json`` gives the same sentences and marks as data.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, abort, current_app, g, jsonify, render_template
from orgkg.graph.store import PROLOGUE

from .i18n import t
from .links import kind_and_key, local_path
from .state import state
from .terms import ARTICLE, FIGURE, ok

bp = Blueprint("reader", __name__, url_prefix="/reader")

SECTIONS_Q = PROLOGUE + f"""SELECT ?article ?section ?position ?heading WHERE {{
  ?article {ok.hasSection} ?section . ?section {ok.position} ?position OPTIONAL {{ ?section rdfs:label ?heading }}
}} ORDER BY ?position"""
SENTENCES_Q = PROLOGUE + f"""SELECT ?article ?sentence ?text ?start ?section WHERE {{
  ?sentence dcterms:isPartOf ?article ; a {ok.Sentence} ; {ok.text} ?text ; {ok.start} ?start .
  OPTIONAL {{ ?sentence {ok.inSection} ?section }}
}} ORDER BY ?start"""
MARKS_Q = PROLOGUE + f"""SELECT ?article ?sentence ?mark ?start ?end ?target WHERE {{
  ?sentence dcterms:isPartOf ?article ; a {ok.Sentence} .
  ?mark prov:wasDerivedFrom ?sentence ; {ok.start} ?start ; {ok.end} ?end .
  OPTIONAL {{ ?mark {ok.denotes} ?target }}
}} ORDER BY ?start ?mark"""  # mentions (each denotes its entity) and figures (their own target)

#: Rows any one of the reader's queries may return; an article past it is flagged, never cut silently.
MAX_ROWS = 50000


@dataclass
class Mark:
    """A marked span of a sentence, offsets relative to the sentence's text."""

    iri: str
    start: int
    end: int
    target: str
    kind: str
    children: list[Mark] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "-".join(kind_and_key(self.iri))

    def view(self) -> dict:
        """What the page needs: where the mark links, its kind and its tooltip."""
        return {"href": local_path(self.target), "kind": self.kind, "anchor": self.anchor,
                "title": f"{t(self.kind)}: {state().catalogue.label(self.target, g.lang)}"}


def nest(marks: list[Mark]) -> list[Mark]:
    """Marks as a forest: a span inside another becomes its child; one crossing another's end is cut there.

    >>> outer, inner, crossing = Mark("a", 0, 6, "", ""), Mark("b", 0, 3, "", ""), Mark("c", 4, 9, "", "")
    >>> roots = nest([crossing, inner, outer])
    >>> [m.iri for m in roots], [m.iri for m in roots[0].children], crossing.end
    (['a'], ['b', 'c'], 6)
    """
    roots: list[Mark] = []
    stack: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.iri)):
        while stack and mark.start >= stack[-1].end:
            stack.pop()
        if stack:
            mark.end = min(mark.end, stack[-1].end)
            stack[-1].children.append(mark)
        else:
            roots.append(mark)
        stack.append(mark)
    return roots


def pieces(text: str, start: int, end: int, marks: list[Mark]) -> list[dict]:
    """``text[start:end]`` as plain pieces (``{"text": …}``) and marked ones (``{"mark": …, "pieces": […]}``).

    >>> [p.get("text") or p["mark"]["anchor"] for p in pieces("ab", 0, 2, [])]
    ['ab']
    """
    out, at = [], start
    for mark in marks:
        if mark.start > at:
            out.append({"text": text[at:mark.start]})
        out.append({"mark": mark.view(), "pieces": pieces(text, mark.start, mark.end, mark.children)})
        at = mark.end
    if at < end:
        out.append({"text": text[at:end]})
    return out


@bp.route("/<key>")
@bp.route("/<key>.<any(json):fmt>")
def article(key: str, fmt: str | None = None):
    """One article's text with its marks, as a page or as JSON."""
    iri = f"{current_app.config['RESOURCE_BASE']}article/{key}"
    cat = state().catalogue
    if cat.types.get(iri) != ARTICLE:
        abort(404, f"no article {iri}")
    sections, truncated = read(ox.NamedNode(iri))
    if fmt == "json":
        return jsonify(article=iri, title=cat.label(iri), truncated=truncated, sections=sections)
    counts = Counter(m["kind"] for section in sections for sentence in section["sentences"] for m in sentence["marks"])
    return render_template("browse/reader.html", label=cat.label(iri, g.lang), path=local_path(iri), key=key,
                           sections=[rendered(s) for s in sections], truncated=truncated, legend=sorted(counts.items()))


def read(node: ox.NamedNode) -> tuple[list[dict], bool]:
    """The article's sections in order, each sentence with its marks, and whether a query hit :data:`MAX_ROWS`.
    The sentences before the first section (the title line) come first, in a section without heading."""
    store, cat = state().store, state().catalogue
    answers = [store.query(q, {"article": node}, max_rows=MAX_ROWS) for q in (SECTIONS_Q, SENTENCES_Q, MARKS_Q)]
    sections = {None: {"iri": None, "heading": "", "sentences": []}}
    for r in answers[0].records():
        heading = r["heading"].value if "heading" in r else ""
        sections[r["section"].value] = {"iri": r["section"].value, "heading": heading, "sentences": []}
    marks: dict[str, list[dict]] = {}
    for r in answers[2].records():
        target = r["target"].value if "target" in r else r["mark"].value
        kind = FIGURE if "target" not in r else cat.types.get(target, "")
        marks.setdefault(r["sentence"].value, []).append(
            {"iri": r["mark"].value, "target": target, "kind": kind, "start": int(r["start"].value),
             "end": int(r["end"].value)})
    for r in answers[1].records():
        section = sections.get(r["section"].value if "section" in r else None, sections[None])
        sentence_iri = r["sentence"].value
        section["sentences"].append({"iri": sentence_iri, "text": r["text"].value, "start": int(r["start"].value),
                                     "marks": marks.get(sentence_iri, [])})
    ordered = [s for s in sections.values() if s["iri"] is not None or s["sentences"]]
    return ordered, any(a.truncated for a in answers)


def rendered(section: dict) -> dict:
    """A section as the page shows it: its sentences in paragraphs (a gap in the offsets starts a new one),
    each as marked pieces; a first sentence that is the heading itself is shown as the heading."""
    sentences = list(section["sentences"])
    heading = None
    if sentences and section["heading"] and sentences[0]["text"].strip() == section["heading"].strip():
        heading = shown(sentences.pop(0))
    paragraphs: list[list[dict]] = []
    end = None
    for sentence in sentences:
        if end is None or sentence["start"] > end:
            paragraphs.append([])
        paragraphs[-1].append(shown(sentence))
        end = sentence["start"] + len(sentence["text"])
    return {"heading": section["heading"], "heading_sentence": heading, "paragraphs": paragraphs}


def shown(sentence: dict) -> dict:
    """A sentence as marked pieces, with the marks whose offsets fall outside its text set apart."""
    text, base = sentence["text"], sentence["start"]
    placed, misplaced = [], []
    for m in sentence["marks"]:
        start, end = m["start"] - base, m["end"] - base
        mark = Mark(m["iri"], start, end, m["target"], m["kind"])
        (placed if 0 <= start < end <= len(text) else misplaced).append(mark)
    return {"anchor": "-".join(kind_and_key(sentence["iri"])),
            "pieces": pieces(text, 0, len(text), nest(placed)), "misplaced": [m.view() for m in misplaced]}
