"""The corpus reader: encodings, the compilation layout, page-broken lines, folders and bad input."""
from __future__ import annotations

from collections import Counter

import pytest

from orgkg.graph.corpus import read_corpus, split_sentences
from orgkg.graph.errors import CorpusError

I = "\u3000\u3000"  # the full-width paragraph indent

COMPILATION = "\n".join([
    "某省组织工作材料汇编",
    "（2篇）",
    "目　　录",
    "一、省级",
    "新时代湖北组织工作综述　　1",
    "二、市级",
    "：新时代宜昌市组织工作综述　　5",
    "新时代湖北组织工作综述",
    "党的力量来自组织。",
    I + "近年来，全省各级党组织坚持大抓基层，推动基层党组织全面进步。",
    "一、强化政治引领，筑牢思想根基",
    I + "全省举办专题培训班1200余期，培训党员干部",
    "8.6万人次，实现县处级干部轮训全覆盖。",
    "12",
    I + "截至2022年底，全省共有党员420万名。",
    "人才，强省之根本。",
    "二、坚持大抓基层，持续推动组织体系建设取得新的明显成",
    "效",
    I + "实施“红色引擎”工程，组建小区党支部3000余个。",
    "新时代宜昌市组织工作综述",
    I + "宜昌市深入推进“红色物业”建设，覆盖小区1500个。",
    I + "五年来，全市新发展党员1.6万名。",
    "",
    "",
    "本站整理",
    "小编：某某",
    "",
])


def write(tmp_path, text: str, encoding: str = "utf-8", name: str = "corpus.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_every_encoding_reads_the_same(tmp_path, encoding):
    articles = read_corpus(write(tmp_path, COMPILATION, encoding))
    assert [a.title for a in articles] == ["新时代湖北组织工作综述", "新时代宜昌市组织工作综述"]
    assert articles[0].text == read_corpus(write(tmp_path, COMPILATION, "utf-8", "ref.txt"))[0].text


def test_table_of_contents_gives_titles_levels_and_order(tmp_path):
    articles = read_corpus(write(tmp_path, COMPILATION))
    assert [(a.position, a.level) for a in articles] == [(1, "province"), (2, "prefecture")]
    assert articles[0].id != articles[1].id


def test_page_broken_lines_are_rejoined(tmp_path):
    text = read_corpus(write(tmp_path, COMPILATION))[0].text
    assert "培训党员干部8.6万人次，实现县处级干部轮训全覆盖。" in text


def test_page_number_residue_is_dropped(tmp_path):
    paragraphs = read_corpus(write(tmp_path, COMPILATION))[0].text.split("\n")
    assert "12" not in paragraphs


def test_pull_quotes_stand_alone_and_headings_are_sections(tmp_path):
    article = read_corpus(write(tmp_path, COMPILATION))[0]
    paragraphs = article.text.split("\n")
    assert "党的力量来自组织。" in paragraphs
    assert "人才，强省之根本。" in paragraphs
    assert [s.heading for s in article.sections] == [
        "一、强化政治引领，筑牢思想根基",
        "二、坚持大抓基层，持续推动组织体系建设取得新的明显成效",
    ]


def test_sentences_carry_offsets_and_sections(tmp_path):
    article = read_corpus(write(tmp_path, COMPILATION))[0]
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
    party = next(s for s in article.sentences if "420万名" in s.text)
    assert party.text == "截至2022年底，全省共有党员420万名。"
    assert party.section == 1
    assert article.sentences[0].text == article.title  # the title is sentence 0, before any section
    assert article.sentences[0].section is None


def test_site_trailer_is_not_part_of_the_last_article(tmp_path):
    last = read_corpus(write(tmp_path, COMPILATION))[-1]
    assert "小编" not in last.text and "本站整理" not in last.text
    assert last.text.endswith("全市新发展党员1.6万名。")


def test_a_title_repeated_in_the_text_with_a_mark_or_a_subtitle_is_still_one_report(tmp_path):
    text = "新时代己市组织工作综述（二）\n新时代己市组织工作综述\n" + I + "己市新建党支部45个。\n"
    [article] = read_corpus(write(tmp_path, text))
    assert article.title == "新时代己市组织工作综述（二）"


def test_a_report_that_names_another_report_in_its_text_is_still_one_report(tmp_path):
    text = ("丙县2023年组织工作总结\n" + I + "对照《丁市2022年组织工作总结》查找差距，\n县委召开人才工作总结\n"
            "会议。\n" + I + "二、工作打算\n" + I + "全县新发展党员560名。\n")
    [article] = read_corpus(write(tmp_path, text))
    assert article.title == "丙县2023年组织工作总结" and "560名" in article.text


def test_a_title_that_appears_twice_is_an_error(tmp_path):
    write(tmp_path, "戊县组织工作汇报\n" + I + "全县新建党群服务中心12个。\n", name="a.txt")
    write(tmp_path, "戊县组织工作汇报\n" + I + "全县培训村干部900人次。\n", name="b.txt")
    with pytest.raises(CorpusError, match="appears twice"):
        read_corpus(tmp_path)


def test_folder_of_articles_uses_first_line_as_title(tmp_path):
    write(tmp_path, "新时代襄阳市组织工作综述\n" + I + "襄阳市实施“隆中人才”计划。\n", name="b.txt")
    write(tmp_path, "\n谷城县组织工作汇报\n" + I + "全县选派第一书记120名。\n", "gb18030", name="a.txt")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    articles = read_corpus(tmp_path)
    assert [(a.title, a.level, a.position) for a in articles] == [
        ("谷城县组织工作汇报", None, 1), ("新时代襄阳市组织工作综述", None, 2)]


@pytest.mark.parametrize("paragraph, expected", [
    pytest.param("全市有党员5万名。其中女党员1万名！", ["全市有党员5万名。", "其中女党员1万名！"], id="two-sentences"),
    pytest.param("他说：“要抓基层。”随后开展调研。", ["他说：“要抓基层。”", "随后开展调研。"], id="quote-closes-sentence"),
    pytest.param("没有句号的残句", ["没有句号的残句"], id="no-final-stop"),
])
def test_split_sentences(paragraph, expected):
    assert [paragraph[s:e] for s, e in split_sentences(paragraph)] == expected


@pytest.mark.parametrize("make, message", [
    pytest.param(lambda p: p / "missing.txt", "no such file", id="missing"),
    pytest.param(lambda p: write(p, "\n \n"), "empty corpus", id="empty"),
    pytest.param(lambda p: (p / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20) and p / "img.txt",
                 "binary", id="binary"),
    pytest.param(lambda p: (p / "bad.txt").write_bytes("组织工作".encode("utf-8") + b"\x80\xff\xfe abc") and p / "bad.txt",
                 "not UTF-8, UTF-16 or GB18030", id="undecodable"),
    pytest.param(lambda p: write(p, "只有一个标题\n"), "no recognisable article", id="title-only"),
    pytest.param(lambda p: write(p, "目录\n新时代某某组织工作综述　　1\n正文里没有这篇文章的标题。\n"),
                 "is in the table of contents but not in the text", id="toc-without-article"),
    pytest.param(lambda p: write(p, "新时代甲市组织工作综述\n" + I + "甲市选派第一书记300名。\n\n乙县人才工作总结\n"
                                 + I + "乙县引进人才80名。\n"), "holds 2 reports", id="compilation-without-contents"),
    pytest.param(lambda p: write(p, "：\n" + I + "全县选派第一书记120名。\n"), "only punctuation", id="title-of-punctuation"),
    pytest.param(lambda p: (p / "empty-folder").mkdir() or p / "empty-folder", "holds no .txt file", id="empty-folder"),
])
def test_bad_input_gets_one_clear_line(tmp_path, make, message):
    path = make(tmp_path)
    with pytest.raises(CorpusError) as error:
        read_corpus(path)
    text = str(error.value)
    assert message in text and str(path) in text and "\n" not in text


def test_real_corpus_articles_titles_and_levels(corpus_path):
    articles = read_corpus(corpus_path)
    assert len(articles) == 76
    assert Counter(a.level for a in articles) == {"province": 16, "prefecture": 56, "county": 4}
    titles = [a.title for a in articles]
    assert len(set(titles)) == 76
    assert all(t.endswith("综述") for t in titles)
    assert not any(t.startswith(("：", ":")) for t in titles)


def test_real_corpus_text_is_clean(corpus_path):
    for article in read_corpus(corpus_path):
        assert article.sections, article.title
        assert "免责声明" not in article.text and "paidend" not in article.text
        for sentence in article.sentences:
            assert article.text[sentence.start:sentence.end] == sentence.text
        paragraphs = article.text.split("\n")[1:]
        # a re-joined paragraph never ends in the middle of a sentence unless it is a heading
        headings = {s.heading for s in article.sections}
        dangling = [p for p in paragraphs if p not in headings and p[-1] not in "。！？…”」）：；，、" and len(p) > 40]
        assert len(dangling) <= 3, (article.title, dangling[:3])


PLAIN_REPORT = "\n".join([
    "中共宜都市委组织部2023年人才工作总结",
    "宜都市委组织部",
    "（2023年12月）",
    "",
    "今年以来，我市坚持人才引领发展，全年引进各类人才1200名",
    "，其中博士研究生35名。",
    "",
    "（一）完善人才政策",
    "出台人才新政10条，设立人才发展资金2000万元。",
    "一是强化服务保障。",
    "二是优化评价机制。",
    "",
    "（二）建强人才平台",
    "新建专家工作站6个。",
])


def test_report_without_indents_uses_blank_lines_markers_and_sub_headings(tmp_path):
    article = read_corpus(write(tmp_path, PLAIN_REPORT, name="yidu.txt"))[0]
    paragraphs = article.text.split("\n")
    assert paragraphs[:3] == ["中共宜都市委组织部2023年人才工作总结", "宜都市委组织部", "（2023年12月）"]
    assert "今年以来，我市坚持人才引领发展，全年引进各类人才1200名，其中博士研究生35名。" in paragraphs
    assert "一是强化服务保障。" in paragraphs and "二是优化评价机制。" in paragraphs
    assert [s.heading for s in article.sections] == ["（一）完善人才政策", "（二）建强人才平台"]
    station = next(s for s in article.sentences if "专家工作站" in s.text)
    assert station.section == 2


@pytest.mark.parametrize("contents", [
    pytest.param(["第一部分　省级", "新时代湖北组织工作综述", "第二部分　市级", "新时代宜昌市组织工作综述"], id="no-page-numbers"),
    pytest.param(["（一）省级", "新时代湖北组织工作综述……………1", "（二）市级", "新时代宜昌市组织工作综述………5"], id="dot-leaders"),
])
def test_other_table_of_contents_layouts(tmp_path, contents):
    body = COMPILATION.split("\n")[7:]
    text = "\n".join(["某省组织工作材料汇编", "目录", *contents, *body])
    articles = read_corpus(write(tmp_path, text))
    assert [(a.title, a.level) for a in articles] == [
        ("新时代湖北组织工作综述", "province"), ("新时代宜昌市组织工作综述", "prefecture")]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_real_corpus_reads_the_same_in_other_encodings(corpus_path, tmp_path, encoding):
    copy = tmp_path / corpus_path.name
    copy.write_bytes(corpus_path.read_text(encoding="utf-8").encode(encoding))
    assert [(a.title, a.text) for a in read_corpus(copy)] == [(a.title, a.text) for a in read_corpus(corpus_path)]


def test_indent_put_in_front_of_a_unit_by_the_page_break_is_ignored(tmp_path):
    text = "\n".join(["新时代宜昌市组织工作综述",
                      I + "宜昌市深入实施“三峡英才”工程，累计引进各类高层次人才2300余名，投资4.5",
                      I + "亿元建设人才公寓，人才发展环境持续优化。",
                      I + "全市新发展党员1.6万名。"])
    paragraphs = read_corpus(write(tmp_path, text))[0].text.split("\n")
    assert "投资4.5亿元建设人才公寓" in paragraphs[1]
    assert paragraphs[2] == "全市新发展党员1.6万名。"
