"""Interface strings in Chinese (the default) and English.

The language comes from ``?lang=`` (remembered in a cookie) or the cookie;
templates call ``t("key")``.
"""
from __future__ import annotations

from flask import Flask, Response, g, request

LANGS = ("zh", "en")
COOKIE = "lang"

MESSAGES = {
    "site": ("组织工作知识图谱", "Organisation-work knowledge graph"),
    "home": ("首页", "Home"),
    "query": ("SPARQL 查询", "SPARQL query"),
    "network": ("关系网络", "Network"),
    "downloads": ("下载", "Downloads"),
    "search": ("搜索", "Search"),
    "search_placeholder": ("搜索地区、项目、举措……", "Search regions, programmes, initiatives…"),
    "no_results": ("没有找到匹配的条目。", "Nothing matches."),
    "switch_lang": ("English", "中文"),
    "examples": ("示例查询", "Example queries"),
    "examples_hint": ("点击示例在新标签页中打开并运行。", "Click an example to open and run it in a new tab."),
    "download_results": ("下载结果", "Download results"),
    "show_graph": ("以网络图显示结果", "Show results as a graph"),
    "share": ("分享链接", "Share link"),
    "shared_query": ("分享的查询", "Shared query"),
    "shared_hint": ("这是通过链接分享的查询，查看后再运行。", "This query came through a shared link: read it, then run it."),
    "run": ("运行", "Run"),
    "reset_editor": ("重置编辑器", "Reset editor"),
    "truncated": ("结果已截断：只返回前 {n} 行。", "Results truncated: only the first {n} rows were returned."),
    "truncated_bytes": ("结果已截断：答案超过 {n} MB，只返回了前面的行。",
                        "Results truncated: the answer passed {n} MB, so only the rows before that were returned."),
    "endpoint_note": ("SPARQL 1.1 端点：", "SPARQL 1.1 endpoint: "),
    "type": ("类型", "Type"),
    "aliases": ("别名", "Aliases"),
    "hierarchy": ("隶属关系", "Part of"),
    "outgoing": ("属性与关系", "Properties and links"),
    "incoming": ("被引用", "Linked from"),
    "figures": ("统计数字", "Figures"),
    "value": ("数值", "Value"),
    "measures": ("计量对象", "Measures"),
    "source_sentence": ("原句", "Source sentence"),
    "mentions": ("原文提及", "Mentions in the text"),
    "mentions_count": ("共 {n} 处提及", "{n} mentions"),
    "article": ("文章", "Article"),
    "more": ("另有 {n} 条未显示", "{n} more not shown"),
    "neighbourhood": ("邻域网络", "Neighbourhood network"),
    "diffusion": ("扩散图", "Diffusion view"),
    "overview": ("总览网络", "Overview network"),
    "hops": ("跳数", "Hops"),
    "filter_types": ("类型筛选", "Types"),
    "apply": ("应用", "Apply"),
    "nodes_shown": ("显示 {shown} / {total} 个节点，另有 {more} 个未显示", "Showing {shown} of {total} nodes; {more} more not shown"),
    "legend": ("图例", "Legend"),
    "province_group": ("按省份分组", "Grouped by province"),
    "adopters": ("采用该项目的地区：{n} 个", "Regions that adopted it: {n}"),
    "graph_file": ("整个图谱", "The whole graph"),
    "ontology": ("本体", "Ontology"),
    "shapes": ("SHACL 约束", "SHACL shapes"),
    "counts": ("图谱概况", "What the graph holds"),
    "widest_measures": ("实施地区最多的项目与举措", "Measures carried out by most regions"),
    "regions_n": ("{n} 个地区", "{n} regions"),
    "top_regions": ("省级及以上地区", "Top-level regions"),
    "Region": ("地区", "Region"),
    "Programme": ("项目", "Programme"),
    "Initiative": ("机制举措", "Initiative"),
    "Article": ("文章", "Article"),
    "Figure": ("统计数字", "Figure"),
    "Indicator": ("指标", "Indicator"),
    "Sentence": ("句子", "Sentence"),
    "Section": ("章节", "Section"),
    "Mention": ("提及", "Mention"),
    "Concept": ("同名事项", "Shared item"),
    "shared_by": ("报告该事项的地区", "Regions that report it"),
    "error": ("出错了", "Something went wrong"),
    "formats": ("其他格式", "Other formats"),
}


def get_lang() -> str:
    """The interface language of the current request."""
    chosen = request.args.get("lang") or request.cookies.get(COOKIE)
    return chosen if chosen in LANGS else LANGS[0]


def t(key: str, **values) -> str:
    """The interface string ``key`` in the request's language.

    :param key: a key of :data:`MESSAGES`; an unknown key is shown as it is.
    :param values: fill the string's ``{name}`` fields.
    """
    pair = MESSAGES.get(key)
    text = key if pair is None else pair[LANGS.index(g.lang)]
    return text.format(**values) if values else text


def init_app(app: Flask) -> None:
    """Pick the language before each request, remember a ``?lang=`` choice, expose ``t`` to templates."""

    @app.before_request
    def _pick_lang() -> None:
        g.lang = get_lang()

    @app.after_request
    def _remember(response: Response) -> Response:
        if request.args.get("lang") in LANGS:
            response.set_cookie(COOKIE, request.args["lang"], max_age=365 * 24 * 3600, samesite="Lax")
        return response

    app.jinja_env.globals["t"] = t
