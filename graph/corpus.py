"""Read a corpus of work-review reports into articles, paragraphs and sentences.

Two layouts are understood:

* a *compilation*: one file with a table of contents (``目录``) grouped under
  level headings (``一、省级``), then the articles one after another, each
  starting with its title line;
* a *folder of articles*: one ``.txt`` file per article, title on the first line.

The text comes from PDFs, so a paragraph is a line that starts with the
full-width indent and a line without it continues the previous paragraph,
unless it is a section heading or the previous paragraph had ended.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from .doc import Article, Section, Sentence
from .errors import CorpusError

INDENT = "\u3000"
LEVELS = {"省级": "province", "省区市": "province", "市级": "prefecture", "地市级": "prefecture", "市州": "prefecture",
          "县级": "county", "县区级": "county", "县市区": "county"}
CN_NUMERAL = "一二三四五六七八九十"
SECTION_HEADING = re.compile(rf"^[{CN_NUMERAL}]{{1,3}}、")
SUB_HEADING = re.compile(rf"^(?:[（(][{CN_NUMERAL}]{{1,3}}[)）]|第[{CN_NUMERAL}]{{1,3}}部分|\d{{1,2}}[.、．](?!\d))")
LIST_START = re.compile(rf"^(?:[（(][{CN_NUMERAL}\d]{{1,3}}[)）]|[{CN_NUMERAL}]是|\d{{1,2}}[、．.](?!\d))")
CONTINUATION = "，。、；：）」』”％%"  # no paragraph starts with these
NUMBER_TAIL = "万亿千百.．0123456789"
WRAPPED_LINE = 20  # a line broken by the page is a full line; shorter unfinished lines stand alone
TOC_LEVEL_PREFIX = re.compile(rf"^(?:[{CN_NUMERAL}]{{1,3}}、|第[{CN_NUMERAL}]{{1,3}}(?:部分|篇|章)|[（(][{CN_NUMERAL}]{{1,3}}[)）])[\s\u3000]*")
TOC_ENTRY = re.compile(r"^(?P<title>.+?)[\s\u3000.…·]+(?P<page>\d{1,4})$")
PAGE_RESIDUE = re.compile(r"^(?:[-—\s]*\d{1,4}[-—\s]*|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)$")
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)"
# a half-width full stop between Chinese words ends a sentence too (开课200场.漕河泾街道……), not one in a number
HALF_STOP = r"(?<=[\u4e00-\u9fff%％”’）)])\.(?=[\u4e00-\u9fff“‘])"
SENTENCE = re.compile(rf"(?:(?!{HALF_STOP})[^{SENTENCE_END}])*(?:(?:[{SENTENCE_END}]|{HALF_STOP})+[{CLOSERS}]*|$)")


#: A line that reads as a whole report's title (…组织工作综述, …人才工作总结, …工作汇报), not as a heading.
REPORT_TITLE = re.compile(r"^[^\s，。；：！？]{0,30}工作[^\s，。；：！？]{0,8}(?:综述|总结|汇报|报告)$")

#: The largest corpus file read, checked before reading (a stray disk image is refused, not loaded).
MAX_BYTES = int(os.environ.get("ORGKG_MAX_CORPUS_MB", "2048")) << 20


def decode(path: Path) -> str:
    """Decode a text file, detecting UTF-8 (with or without BOM), UTF-16 and GB18030.

    :raises CorpusError: for binary or undecodable files, pipes and devices, and files over
        :data:`MAX_BYTES`, naming the file.

    >>> import tempfile, os
    >>> p = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("组织工作".encode("gb18030"))
    >>> decode(p)
    '组织工作'
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise CorpusError(f"{path}: not a regular file (a pipe, socket or device is never read)")
        if info.st_size > MAX_BYTES:
            raise CorpusError(f"{path}: {info.st_size >> 20} MB, more than the {MAX_BYTES >> 20} MB a corpus file "
                              "may hold (ORGKG_MAX_CORPUS_MB raises the limit)")
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _checked(path, data, codec)
    if b"\x00" in data:
        # UTF-16 without a BOM (ASCII characters carry a zero byte), or a binary file
        best = max(("utf-16-le", "utf-16-be"), key=lambda codec: _plausible(data, codec))
        if _plausible(data, best) < 0.9:
            raise CorpusError(f"{path}: binary file, not text")
        return _checked(path, data, best)
    for codec in ("utf-8", "gb18030"):
        try:
            return _checked(path, data, codec)
        except CorpusError:
            continue
    raise CorpusError(f"{path}: not UTF-8, UTF-16 or GB18030 text")


def _plausible(data: bytes, codec: str) -> float:
    """Share of characters that are CJK, ASCII printable or whitespace after decoding."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return 0.0
    good = sum(1 for ch in text if ch.isprintable() and ord(ch) >= 32 or ch in "\n\r\t\u3000")
    cjk_or_ascii = sum(1 for ch in text if ord(ch) < 128 or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return min(good, cjk_or_ascii) / max(1, len(text))


def _checked(path: Path, data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: cannot decode as {codec} at byte {exc.start}") from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > max(2, len(text) // 1000):
        raise CorpusError(f"{path}: binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_id(title: str) -> str:
    """A stable identifier derived from the title.

    >>> article_id("新时代北京组织工作综述")
    'ad42c9f37159'
    """
    return "a" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:11]


def read_corpus(path: str | Path) -> list[Article]:
    """Read a compilation file, a single article file or a folder of ``.txt`` files.

    :raises CorpusError: when the path is missing, empty, or holds no article.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
        if not files:
            raise CorpusError(f"{path}: folder holds no .txt file")
        articles = [a for f in files for a in _read_file(f)]
    else:
        articles = _read_file(path)
    seen: dict[str, str] = {}
    for i, article in enumerate(articles, start=1):
        article.position = i
        if article.id in seen:
            raise CorpusError(f"{article.source}: article title {article.title!r} appears twice")
        seen[article.id] = article.title
    return articles


def _read_file(path: Path) -> list[Article]:
    text = decode(path)
    lines = [line.rstrip() for line in text.split("\n")]
    if not any(line.strip() for line in lines):
        raise CorpusError(f"{path}: empty corpus file")
    toc = _table_of_contents(lines)
    if toc is None:
        first = next(i for i, line in enumerate(lines) if line.strip())
        title = _clean_title(lines[first])
        if not title:
            raise CorpusError(f"{path}: the first line should be the report's title but holds only punctuation")
        others = _other_report_titles(lines[first + 1 :], title)
        if others:
            raise CorpusError(f"{path}: holds {len(others) + 1} reports ({title!r}, {others[0]!r} …) but no table of "
                              "contents (目录): add one, or put each report in a file of its own")
        article = _make_article(title, None, path.name, lines[first + 1 :])
        if article is None:
            raise CorpusError(f"{path}: no recognisable article (a title line followed by paragraphs)")
        return [article]
    entries, body_from = toc
    starts = []
    cursor = body_from
    for title, level in entries:
        index = next((i for i in range(cursor, len(lines)) if _clean_title(lines[i]) == title), None)
        if index is None:
            raise CorpusError(f"{path}: article {title!r} is in the table of contents but not in the text")
        starts.append((index, title, level))
        cursor = index + 1
    articles = []
    for n, (index, title, level) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        article = _make_article(title, level, path.name, lines[index + 1 : end])
        if article is None:
            raise CorpusError(f"{path}: article {title!r} has no text")
        articles.append(article)
    if not articles:
        raise CorpusError(f"{path}: no recognisable article")
    return articles


def _other_report_titles(lines: list[str], title: str) -> list[str]:
    """Lines after the first that stand alone and read as another report's title: the file is a
    compilation, which without contents cannot be cut into its articles with confidence."""
    found, previous, own = [], "", _bare(title)
    for line in lines:
        text = _clean_title(line)
        stands_alone = not previous or _ended(previous)
        if text and stands_alone and not heading_level(text) and REPORT_TITLE.match(text):
            other = _bare(text)
            if other not in own and own not in other:  # not the title again, with or without a subtitle
                found.append(text)
        previous = line.strip()
    return found


def _bare(title: str) -> str:
    """A title without bracketed parts and spaces, to tell the same title written twice from another.

    >>> _bare("新时代某市组织工作综述（2023）")
    '新时代某市组织工作综述'
    """
    return re.sub(r"[（(【〔][^）)】〕]*[）)】〕]|\s", "", title)


def _clean_title(line: str) -> str:
    return line.strip().lstrip("：:").strip().replace(INDENT, "")


def _table_of_contents(lines: list[str]) -> tuple[list[tuple[str, str | None]], int] | None:
    """The (title, level) entries of the table of contents and the line where the body starts.

    Entries may carry page numbers (with spaces or dot leaders) or not; the
    contents end where the first entry's title appears again as a line.
    """
    head = next((i for i, line in enumerate(lines[:50]) if re.sub(r"[\s\u3000]", "", line) == "目录"), None)
    if head is None:
        return None
    entries: list[tuple[str, str | None]] = []
    level = None
    for i in range(head + 1, len(lines)):
        raw, line = lines[i], lines[i].strip()
        if not line:
            continue
        entry = TOC_ENTRY.match(line)
        title = _clean_title(entry.group("title") if entry else line)
        if not entry and (entries and title == entries[0][0] or raw.startswith(INDENT) or _ended(line) or len(line) > 60):
            break  # the body starts: the first title again, or a paragraph
        if _toc_level(title):
            level = _toc_level(title)
        else:
            entries.append((title, level))
    else:
        i = len(lines)
    return (entries, i) if entries else None


def _toc_level(line: str) -> str | None:
    """The article level a contents heading announces (``一、省级``, ``第二部分 市级``), if it is one.

    >>> _toc_level("一、省级"), _toc_level("第三部分　县级"), _toc_level("新时代某市组织工作综述")
    ('province', 'county', None)
    """
    name = TOC_LEVEL_PREFIX.sub("", line).strip()
    return LEVELS.get(name)


def _paragraphs(lines: list[str]) -> list[tuple[str, int]]:
    """Re-join page-broken lines into (paragraph, heading level) pairs, dropping residue.

    A line continues the previous paragraph only when nothing marks a new one:
    it is not indented, no blank line precedes it, it does not open with a
    list marker, and the previous line was a full (wrapped) line whose sentence
    had not ended. Short unfinished lines are headings, bylines or dates.
    """
    paragraphs: list[list] = []  # [text, heading level]
    last_length, blank_before = 0, False
    for raw in _drop_trailer(lines):
        indented = raw.startswith(INDENT) or raw.startswith("  ")
        line = raw.strip().strip(INDENT).strip()
        if not line:
            blank_before = True
            continue
        if PAGE_RESIDUE.match(line):
            continue
        level = heading_level(line)
        fresh = (indented and not _continues(paragraphs, line)) or blank_before or level or LIST_START.match(line)
        blank_before = False
        if paragraphs and not fresh:
            prev = paragraphs[-1]
            if prev[1] and len(line) <= 4 and not _ended(prev[0]):
                prev[0] += line  # the tail of a heading broken over two lines
                last_length = len(line)
                continue
            if not prev[1] and not _ended(prev[0]) and last_length >= WRAPPED_LINE:
                prev[0] += line
                last_length = len(line)
                continue
        paragraphs.append([line, level])
        last_length = len(line)
    return [(text, level) for text, level in paragraphs]


def _continues(paragraphs: list[list], line: str) -> bool:
    """Whether an indented line is still the previous paragraph: the page break put an indent
    in front of a number's unit or of punctuation, which no paragraph starts with.

    >>> _continues([["投资6.2", 0]], "亿元建设产业园。"), _continues([["全市共有", 0]], "党员1万名。")
    (True, False)
    """
    if not paragraphs or paragraphs[-1][1] or _ended(paragraphs[-1][0]):
        return False
    prev = paragraphs[-1][0]
    return line[0] in CONTINUATION or (prev[-1].isdigit() and line[0] in NUMBER_TAIL)


def heading_level(line: str) -> int:
    """1 for a section heading (``一、…``), 2 for a sub-heading line (``（一）…``), else 0.

    >>> heading_level("一、强化政治引领"), heading_level("（二）建强基层组织"), heading_level("一是加强培训。")
    (1, 2, 0)
    """
    body = line.rstrip("。")
    short = len(line) <= 40 or (len(line) <= 70 and not any(ch in body for ch in "。！？；"))
    if SECTION_HEADING.match(line):
        return 1 if short else 0
    if SUB_HEADING.match(line) and len(line) <= 40 and not any(ch in body for ch in "。！？；，"):
        return 2
    return 0


def _ended(text: str) -> bool:
    """Whether a paragraph's last line ends a sentence (so the next line starts a new one)."""
    text = text.rstrip(CLOSERS) if len(text) > 1 and text[-1] in CLOSERS and text[-2] in SENTENCE_END else text
    return bool(text) and text[-1] in SENTENCE_END


def _drop_trailer(lines: list[str]) -> list[str]:
    """Drop blocks after a blank-line gap at the end that hold no indented paragraph (site notices)."""
    blocks, current, blanks = [], [], 0
    for line in lines:
        if not line.strip():
            blanks += 1
            continue
        if blanks >= 2 and current:
            blocks.append(current)
            current = []
        blanks = 0
        current.append(line)
    if current:
        blocks.append(current)
    while len(blocks) > 1 and not any(line.startswith(INDENT) for line in blocks[-1]):
        blocks.pop()
    return [line for block in blocks for line in block]


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a paragraph.

    >>> p = "全市共有党员1.2万名。其中，女党员占30%！开课200场.街道主动对接"
    >>> [p[s:e] for s, e in split_sentences(p)]
    ['全市共有党员1.2万名。', '其中，女党员占30%！', '开课200场.', '街道主动对接']
    """
    spans = []
    for match in SENTENCE.finditer(paragraph):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def _make_article(title: str, level: str | None, source: str, lines: list[str]) -> Article | None:
    paragraphs = _paragraphs(lines)
    if not any(not level for _, level in paragraphs):
        return None
    # sections are the 一、 headings; a report numbered only （一） uses those instead
    section_level = 1 if any(level == 1 for _, level in paragraphs) else 2
    article = Article(id=article_id(title), position=0, title=title, level=level, source=source, text="")
    parts: list[str] = []
    offset = 0
    section: int | None = None
    for p_index, (text, heading) in enumerate([(title, 0)] + paragraphs):
        if heading == section_level:
            section = len(article.sections) + 1
            article.sections.append(Section(section, text))
        spans = [(0, len(text))] if heading or p_index == 0 else split_sentences(text)
        for start, end in spans:
            article.sentences.append(
                Sentence(len(article.sentences), text[start:end], offset + start, offset + end, p_index, section)
            )
        parts.append(text)
        offset += len(text) + 1
    article.text = "\n".join(parts)
    return article
