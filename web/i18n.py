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
    "downloads_gzip": ("浏览器和 curl --compressed 会收到 gzip 压缩的文件（约为十分之一大小），保存后即为原文件。",
                       "Browsers and curl --compressed receive the files gzip-compressed (about a tenth of the size); "
                       "what is saved is the file itself."),
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
    # browse pages
    "browse": ("浏览", "Browse"),
    "browse_articles": ("文章", "Articles"),
    "browse_regions": ("地区", "Regions"),
    "browse_programmes": ("项目", "Programmes"),
    "browse_initiatives": ("机制举措", "Initiatives"),
    "browse_concepts": ("同名事项", "Shared items"),
    "browse_figures": ("统计数字", "Figures"),
    "browse_indicators": ("指标", "Indicators"),
    "col_position": ("序号", "No."),
    "col_label": ("名称", "Name"),
    "col_level": ("层级", "Level"),
    "col_about": ("所述地区", "About"),
    "col_sections": ("章节数", "Sections"),
    "col_figures": ("数字数", "Figures"),
    "col_mentioned": ("提及条目数", "Entities mentioned"),
    "col_code": ("区划代码", "Code"),
    "col_parent": ("上级地区", "Part of"),
    "col_items": ("项目与举措数", "Items"),
    "col_articles": ("文章数", "Articles"),
    "col_scope": ("范围", "Scope"),
    "col_concept": ("同名事项", "Shared item"),
    "col_regions": ("地区数", "Regions"),
    "col_members": ("事项数", "Items"),
    "col_source": ("原文", "As written"),
    "col_value": ("数值", "Value"),
    "col_unit": ("单位", "Unit"),
    "col_measures": ("计量对象", "Measures"),
    "col_time": ("时间", "Time"),
    "col_indicator": ("指标", "Indicator"),
    "col_concerns": ("所属", "Concerns"),
    "col_article": ("文章", "Article"),
    "col_province": ("省份", "Province"),
    "col_kind": ("类型", "Type"),
    "value_province": ("省级", "province"),
    "value_prefecture": ("市级", "prefecture"),
    "value_county": ("县级", "county"),
    "value_township": ("乡镇", "township"),
    "value_village": ("村", "village"),
    "value_zone": ("功能区", "zone"),
    "value_macro": ("宏观区域", "macro region"),
    "value_foreign": ("外国", "foreign"),
    "value_national": ("全国性", "national"),
    "value_shared": ("多地同名", "shared"),
    "value_regional": ("地方", "regional"),
    "pages": ("分页", "Pages"),
    "rows_of": ("第 {first}–{last} 行，共 {total} 行", "Rows {first}–{last} of {total}"),
    "page_first": ("首页", "First"),
    "page_previous": ("上一页", "Previous"),
    "page_next": ("下一页", "Next"),
    "page_last": ("末页", "Last"),
    "page_n": ("第 {n} / {pages} 页", "Page {n} of {pages}"),
    "facet_remove": ("取消筛选", "Remove this filter"),
    "browse_all": ("浏览全部 {n} 条", "Browse all {n}"),
    "all_figures": ("浏览全部统计数字", "Browse all the figures"),
    # article reader
    "reader": ("原文标注", "Annotated text"),
    "read_article": ("阅读原文并核对抽取结果", "Read the text with what was extracted from it"),
    "entity_page": ("条目页", "Entity page"),
    "reader_hint": ("原文按章节显示；抽取出的地区、项目、举措和统计数字均已标出，点击可打开对应条目。",
                    "The text by section; every region, programme, initiative and figure extracted from it is marked "
                    "and links to its page."),
    "reader_truncated": ("本文过长，未能全部显示。", "This article is too long to show in full."),
    "misplaced": ("位置不符", "offsets off"),
    # analysis pages (web/analysis.py)
    "analysis": ("比较分析", "Analysis"),
    "an_diffusion": ("扩散程度", "Diffusion"),
    "an_diffusion_intro": ("每个项目、举措或同名事项由多少地区报告，按层级分列；地区只计其本地区文章所报告的事项，省的数字不含其下辖市县。",
                           "How many regions report each programme, initiative or shared item, by level. A region counts "
                           "only for what its own article reports; a province's count never includes its cities'."),
    "an_by_province_intro": ("按省份列出：省本级文章是否报告该事项，以及其下辖地区中报告该事项的地区（另列一栏，不计入省本级）。",
                             "By province: whether the province's own article reports the item, and, in a column of "
                             "their own, the regions under it whose articles do."),
    "an_similar": ("相似地区", "Similar regions"),
    "an_similar_intro": ("按所报告事项的重合程度排序；各地普遍开展的全国性活动权重很低，少数地区共有的事项权重高（加权 Jaccard，逆文档频率）。",
                         "Regions ranked by the overlap of the items they report; national campaigns everyone runs weigh "
                         "little, items few regions share weigh much (weighted Jaccard, inverse document frequency)."),
    "an_similar_where": ("每个地区页面都列出与之相似的地区。", "Every region's page lists the regions like it."),
    "an_similar_here": ("相似地区", "Regions like this one"),
    "an_all_similar": ("全部相似地区", "All similar regions"),
    "an_central": ("桥梁事项与地区群组", "Bridging items and communities"),
    "an_central_intro": ("地区—事项网络上的介数中心性与模块度社群：哪些事项连接起不同的地区群组。",
                         "Betweenness and modularity communities on the region–item network: which items bridge groups of regions."),
    "an_indicator": ("指标比较", "Indicators across regions"),
    "an_indicator_intro": ("每个可比指标下各地区报告的本地区数值，附层级、时间和原句；关于下辖地区的数字归属该下辖地区。",
                           "For each comparable indicator, the value each region reports for itself, with level, time and "
                           "source sentence; a figure about a sub-region belongs to that sub-region."),
    "an_rows": ("{n} 行", "{n} rows"),
    "an_figures_n": ("{n} 个数字", "{n} figures"),
    "an_table_diffusion": ("各事项的扩散", "Spread of each item"),
    "an_table_by_province": ("按省份", "By province"),
    "an_table_similar": ("相似地区", "Similar regions"),
    "an_table_central": ("桥梁事项", "Bridging items"),
    "an_table_communities": ("地区群组", "Communities"),
    "an_table_indicator": ("各地区数值", "Values by region"),
    "origin_national": ("全国性", "national"),
    "origin_local": ("地方创设", "local"),
    "level_province": ("省级", "province"),
    "level_prefecture": ("市级", "prefecture"),
    "level_county": ("县级", "county"),
    "level_township": ("乡镇级", "township"),
    "level_village": ("村级", "village"),
    "level_zone": ("功能区", "zone"),
    "level_macro": ("大区域", "macro-region"),
    "level_foreign": ("境外", "abroad"),
    "an_item": ("事项", "Item"),
    "an_kind": ("类型", "Kind"),
    "an_origin": ("来源", "Origin"),
    "an_regions": ("报告地区数", "Regions"),
    "an_provinces": ("其中省级", "Provinces"),
    "an_prefectures": ("其中市级", "Prefectures"),
    "an_counties": ("其中县级", "Counties"),
    "an_other_levels": ("其他层级", "Other levels"),
    "an_provinces_reached": ("涉及省份", "Provinces reached"),
    "an_province": ("省份", "Province"),
    "an_province_reports": ("省本级报告", "Province's own report"),
    "an_below": ("下辖报告地区数", "Regions under it"),
    "an_below_regions": ("下辖报告地区", "Which regions under it"),
    "an_region": ("地区", "Region"),
    "an_level": ("层级", "Level"),
    "an_score": ("相似度", "Score"),
    "an_shared_count": ("共有事项数", "Items shared"),
    "an_shared": ("共有事项（由少见到常见）", "Items shared (rarest first)"),
    "an_betweenness": ("介数中心性", "Betweenness"),
    "an_community": ("所属群组", "Community"),
    "an_communities_spanned": ("跨越群组数", "Communities spanned"),
    "an_size": ("地区数", "Regions"),
    "an_in_provinces": ("所在省份", "Provinces"),
    "an_items": ("主要事项", "Main items"),
    "an_value": ("数值", "Value"),
    "an_unit": ("单位", "Unit"),
    "an_approx": ("约数", "Approximation"),
    "an_time": ("时间", "Time"),
    "an_sentence": ("原句", "Source sentence"),
    "an_article": ("文章", "Article"),
    "network_files": ("网络（供 Gephi、Cytoscape、pandas、R 使用）", "The network (for Gephi, Cytoscape, pandas, R)"),
    "network_files_note": ("地区、项目、举措、同名事项和文章，及其实施、提及、隶属、所述和同名关系；CSV 为含 nodes.csv 与 edges.csv 的 zip。",
                           "Regions, programmes, initiatives, shared items and articles, with their implements, mentions, "
                           "partOf, about and concept links; the CSV is a zip of nodes.csv and edges.csv."),
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
