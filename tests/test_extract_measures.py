"""Programme and initiative extraction on invented report sentences and on the real corpus."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDFS, SKOS

from orgkg.graph.build import build_corpus
from orgkg.graph.corpus import read_corpus
from orgkg.graph.doc import Article, Sentence
from orgkg.graph.errors import OrgkgError
from orgkg.graph.extract import Pipeline
from orgkg.graph.extract.lexicon import LISTS, Lexicon, read_lexicon
from orgkg.graph.knowledge import Knowledge, packaged
from orgkg.resources import data_text


def _article(text: str) -> Article:
    sentence = Sentence(index=0, text=text, start=0, end=len(text), paragraph=0, section=None)
    return Article(id="t", position=1, title="测试", level=None, source="test", text=text, sentences=[sentence])


def _found(text: str) -> list[tuple[str, str, str]]:
    article = Pipeline(["programmes", "initiatives"])(_article(text))
    return sorted((m.kind, m.name, m.core) for m in article.measures)


CASES = [
    pytest.param(
        "扎实开展“两学一做”学习教育和党史学习教育。",
        [("programme", "“两学一做”学习教育", "两学一做"), ("programme", "党史学习教育", "党史学习教育")],
        id="national-campaigns",
    ),
    pytest.param(
        "郑州市深入实施“智汇郑州”人才工程，累计引进各类人才3万余人。",
        [("programme", "“智汇郑州”人才工程", "智汇郑州")],
        id="quoted-programme",
    ),
    pytest.param(
        "建立“一村一策”帮扶机制，全面推行“街乡吹哨、部门报到”制度。",
        [("initiative", "“一村一策”帮扶机制", "一村一策"), ("initiative", "“街乡吹哨、部门报到”制度", "街乡吹哨、部门报到")],
        id="quoted-mechanisms",
    ),
    pytest.param(
        "制定实施青年干部治理能力提升三年行动计划、容错纠错工作办法。",
        [("initiative", "容错纠错工作办法", "容错纠错工作办法"),
         ("programme", "青年干部治理能力提升三年行动计划", "青年干部治理能力提升三年行动计划")],
        id="unquoted-list-after-verb",
    ),
    pytest.param(
        "制定政治素质、履职能力专项考核办法和经常性谈心谈话工作办法。",
        [("initiative", "政治素质、履职能力专项考核办法", "政治素质、履职能力专项考核办法"),
         ("initiative", "经常性谈心谈话工作办法", "经常性谈心谈话工作办法")],
        id="unquoted-joined-by-he",
    ),
    pytest.param(
        "印发《关于加强村级组织建设的若干措施》，推动基层党建提质增效。",
        [("initiative", "《关于加强村级组织建设的若干措施》", "关于加强村级组织建设的若干措施")],
        id="document-title",
    ),
    pytest.param(
        "组织开展“红色课堂”“支部书记讲党课”等活动120余场。",
        [("programme", "“支部书记讲党课”", "支部书记讲党课"), ("programme", "“红色课堂”", "红色课堂")],
        id="bare-quotes-listed-as-activities",
    ),
    pytest.param(
        "大力推广“邻里党建”“红色管家”等党建项目，持续深化“周末讲堂”这一干部教育特色品牌。",
        [("programme", "“邻里党建”", "邻里党建"), ("programme", "“红色管家”", "红色管家"),
         ("initiative", "“周末讲堂”", "周末讲堂")],
        id="kind-from-etc-and-zheyi",
    ),
    pytest.param(
        "持续擦亮“渭水先锋”党建品牌，坚持以基层党组织组织力提升行动为总抓手。",
        [("initiative", "“渭水先锋”党建品牌", "渭水先锋"), ("programme", "基层党组织组织力提升行动", "基层党组织组织力提升行动")],
        id="brand-and-preposition-stripped",
    ),
    pytest.param(
        "“两区”“三平台”人才支撑三年行动计划取得实效。",
        [("programme", "“两区”“三平台”人才支撑三年行动计划", "两区”“三平台")],
        id="adjacent-quotes-share-one-head",
    ),
    pytest.param(
        "全面推行公务员职务与职级并行制度，落实“第一议题”学习制度。",
        [("initiative", "“第一议题”学习制度", "第一议题"), ("initiative", "公务员职务与职级并行制度", "公务员职务与职级并行制度")],
        id="national-systems",
    ),
    pytest.param(
        "实施“‘一把手’政治能力提升计划”，以“红色根脉强基工程”为牵引。",
        [("programme", "“‘一把手’政治能力提升计划”", "‘一把手’政治能力提升计划"),
         ("programme", "“红色根脉强基工程”", "红色根脉强基工程")],
        id="whole-name-in-quotes",
    ),
    pytest.param(
        "大力实施“一把手”政治能力提升计划，大力推进“家暖心安”。",
        [("programme", "“一把手”政治能力提升计划", "一把手"), ("programme", "“家暖心安”", "家暖心安")],
        id="slogan-word-inside-a-named-plan",
    ),
    pytest.param(
        "结合主题教育开展“四史”主题教育。",
        [("programme", "“四史”主题教育", "四史"), ("programme", "主题教育", "学习贯彻习近平新时代中国特色社会主义思想主题教育")],
        id="short-form-of-the-current-campaign",
    ),
    pytest.param("深刻领悟“两个确立”的决定性意义，坚决做到“两个维护”，“四个意识”不断增强。", [], id="slogans"),
    pytest.param("每年评选10个“五好”乡镇、授予“兰州功臣”称号。", [], id="titles-and-honours"),
    pytest.param("不断完善干部考核评价机制，健全各项管理制度。", [], id="generic-mechanisms"),
    pytest.param("围绕“四个中心”功能建设，把年轻干部队伍建设作为基础性工程。", [], id="numbered-slogan-and-description"),
    pytest.param("党员干部以实际行动践行初心使命。", [], id="action-as-common-noun"),
    pytest.param(
        "推行科研攻关“揭榜挂帅”，深化机关党建“三联三带”工作法。",
        [("initiative", "科研攻关“揭榜挂帅”", "揭榜挂帅"), ("initiative", "机关党建“三联三带”工作法", "三联三带")],
        id="field-words-before-quote",
    ),
    pytest.param(
        "打造政策“强磁场”，组织“百名书记进社区”活动。",
        [("programme", "“百名书记进社区”活动", "百名书记进社区")],
        id="no-field-words-after-metaphor-verb-or-verb-like-noun",
    ),
    pytest.param(
        "两轮“百名书记进党校”培训，持续唱响“金色家园”品牌。",
        [("programme", "“百名书记进党校”培训", "百名书记进党校"), ("initiative", "“金色家园”品牌", "金色家园")],
        id="counts-and-verbs-are-not-field-words",
    ),
    pytest.param(
        "实施“雏鹰成长计划”“三个一线”历练机制。",
        [("programme", "“雏鹰成长计划”", "雏鹰成长计划"), ("initiative", "“三个一线”历练机制", "三个一线")],
        id="whole-name-quote-does-not-share-the-next-head",
    ),
    pytest.param("出台人才新政“28条”。", [("initiative", "人才新政“28条”", "28条")], id="numbered-policy-package"),
    pytest.param(
        "出台关心关爱青年干部若干措施，深入实施人才强县战略，修订《议事规则》。",
        [("initiative", "关心关爱青年干部若干措施", "关心关爱青年干部若干措施"),
         ("initiative", "人才强县战略", "人才强县战略"), ("initiative", "《议事规则》", "议事规则")],
        id="package-strategy-and-short-document",
    ),
    pytest.param(
        "制定激励干部担当作为15条措施，大力实施“人才强州”战略。",
        [("initiative", "激励干部担当作为15条措施", "激励干部担当作为15条措施"),
         ("initiative", "“人才强州”战略", "人才强州战略")],
        id="numbered-package-and-quoted-strategy",
    ),
    pytest.param(
        "举办“云岭人才周”，开展“书香机关”“清风校园”等主题活动以及党员志愿服务。",
        [("programme", "“云岭人才周”", "云岭人才周"), ("programme", "“书香机关”", "书香机关"),
         ("programme", "“清风校园”", "清风校园")],
        id="event-name-and-etc-head-before-conjunction",
    ),
    pytest.param(
        "实施医疗机构、中小学校、国有企业领导人员队伍建设三年行动计划。",
        [("programme", "医疗机构、中小学校、国有企业领导人员队伍建设三年行动计划",
          "医疗机构、中小学校、国有企业领导人员队伍建设三年行动计划")],
        id="coordinated-fields-of-one-plan",
    ),
    pytest.param(
        "坚持“凡进必考”，把乡村振兴作为“一把手”工程，服务“生态文明先行区”建设。",
        [],
        id="principle-slogan-project-and-zone-target",
    ),
    pytest.param("积极支持“暖阳”“晨曦”等志愿组织建设。", [], id="etc-with-weak-head"),
    pytest.param(
        "探索建立村级事务监督机制，“三问三访”推动基层治理提质增效。",
        [("initiative", "“三问三访”", "三问三访"), ("initiative", "村级事务监督机制", "村级事务监督机制")],
        id="quote-opening-its-clause-before-a-verb",
    ),
    pytest.param(
        "以“红色管家”为主抓手，以“四个到位”为标准。",
        [("programme", "“红色管家”", "红色管家")],
        id="quote-as-carrier-of-the-work",
    ),
    pytest.param(
        "为高层次人才发放“云岭英才卡”，推行“党员说事”制度2468工作法。",
        [("initiative", "“云岭英才卡”", "云岭英才卡"), ("initiative", "“党员说事”制度", "党员说事"),
         ("initiative", "2468工作法", "2468工作法")],
        id="talent-card-and-number-coded-method",
    ),
    pytest.param("健全常态化分析研判和监测机制，完善党管干部、选贤任能制度。", [], id="generic-coordinated-mechanisms"),
    pytest.param(
        "制定出台推进乡镇干部能上能下实施细则、村级组织运转经费保障办法。",
        [("initiative", "推进乡镇干部能上能下实施细则", "推进乡镇干部能上能下实施细则"),
         ("initiative", "村级组织运转经费保障办法", "村级组织运转经费保障办法")],
        id="documents-without-brackets-listed-after-verb",
    ),
    pytest.param(
        "认真落实加强新时代年轻干部工作的若干措施，出台以实干实绩为导向选拔干部的意见。",
        [("initiative", "以实干实绩为导向选拔干部的意见", "以实干实绩为导向选拔干部的意见"),
         ("initiative", "加强新时代年轻干部工作的若干措施", "加强新时代年轻干部工作的若干措施")],
        id="documents-with-de-before-head",
    ),
    pytest.param(
        "出台推进城乡人才一体化发展“十条措施”。",
        [("initiative", "推进城乡人才一体化发展“十条措施”", "推进城乡人才一体化发展“十条措施”")],
        id="document-head-in-quotes",
    ),
    pytest.param(
        "认真落实巡视反馈意见和各项整改措施，制定“叫早”办法和跟进管理办法。",
        [("initiative", "“叫早”办法", "叫早"), ("initiative", "跟进管理办法", "跟进管理办法")],
        id="feedback-is-no-document-and-joined-documents-split",
    ),
    pytest.param(
        "接续实施加强党的基层组织建设提升服务力三年行动计划。",
        [("programme", "加强党的基层组织建设提升服务力三年行动计划", "加强党的基层组织建设提升服务力三年行动计划")],
        id="carried-verb-and-dang-de-inside-name",
    ),
    pytest.param(
        "深入实施国有企业党建强基领航行动，启动实施科研创新平台三年行动计划。",
        [("programme", "国有企业党建强基领航行动", "国有企业党建强基领航行动"),
         ("programme", "科研创新平台三年行动计划", "科研创新平台三年行动计划")],
        id="verb-like-words-inside-names",
    ),
    pytest.param(
        "及时举办县处级领导干部履职能力提升专题研讨班，举办各类培训班120期。",
        [("programme", "县处级领导干部履职能力提升专题研讨班", "县处级领导干部履职能力提升专题研讨班")],
        id="named-training-class-not-counted-classes",
    ),
    pytest.param("出台“一揽子”人才政策和“风向标”式政策。", [], id="quantity-and-style-quotes"),
    pytest.param(
        "构建“市级统筹，县区联动”的人才发展格局，提出“公寓建在园区、人才留在园区”建设思路。",
        [],
        id="described-layout-and-building-idea",
    ),
    pytest.param("全力打造“人才发展第一目标城市”。", [], id="city-target"),
    pytest.param(
        "广泛开展“沿着总书记的足迹学思想”“青春宣讲”等活动。",
        [("programme", "“沿着总书记的足迹学思想”", "沿着总书记的足迹学思想"), ("programme", "“青春宣讲”", "青春宣讲")],
        id="listed-activity-with-de",
    ),
    pytest.param(
        "开展两新组织“两个覆盖”集中攻坚。",
        [("programme", "两新组织“两个覆盖”集中攻坚", "两个覆盖")],
        id="concentrated-drive",
    ),
    pytest.param(
        "深入推进村干部活力、能力、效能三提升工程。",
        [("programme", "村干部活力、能力、效能三提升工程", "村干部活力、能力、效能三提升工程")],
        id="short-coordinated-fields",
    ),
    pytest.param(
        "完善干部综合考核评价体系和结果运用机制，健全全方位干部监督体系。", [], id="generic-systems",
    ),
    pytest.param("坚持用制度管权管事，率先将星级化管理延伸到社区。", [], id="verb-before-a-head-is-not-a-name"),
    # runs of quotes before one head: one item per quote, the umbrella not listed
    pytest.param(
        "开展“书香支部”“红色讲堂”活动。",
        [("programme", "“书香支部”", "书香支部"), ("programme", "“红色讲堂”", "红色讲堂")],
        id="run-of-quotes-one-item-each",
    ),
    pytest.param(
        "实施“青松”“白杨”“红柳”三大工程。",
        [("programme", "“白杨”", "白杨"), ("programme", "“红柳”", "红柳"), ("programme", "“青松”", "青松")],
        id="run-of-quotes-umbrella-not-listed",
    ),
    pytest.param(
        "推行“点单式”“菜单式”服务模式。",
        [("initiative", "“点单式”“菜单式”服务模式", "点单式”“菜单式")],
        id="run-of-style-quotes-is-one-item",
    ),
    # a head shared by a list written before it
    pytest.param(
        "全面落实青年人才安居、柔性引才、科研经费包干等人才政策。",
        [("initiative", "柔性引才", "柔性引才"), ("initiative", "科研经费包干", "科研经费包干"),
         ("initiative", "青年人才安居", "青年人才安居")],
        id="shared-head-after-etc",
    ),
    pytest.param(
        "健全容错免责、精准问责和澄清正名机制。",
        [("initiative", "容错免责", "容错免责"), ("initiative", "澄清正名机制", "澄清正名"),
         ("initiative", "精准问责", "精准问责")],
        id="shared-head-kept-by-last-member",
    ),
    pytest.param("积极推进党员先锋岗、青年突击队等项目。", [], id="shared-head-over-posts-and-bodies"),
    # standing institutions of party life and national strategies
    pytest.param(
        "严格落实“三会一课”、组织生活会、民主评议党员等制度，广泛开展主题党日、重温入党誓词等活动，坚持民主集中制。",
        [],
        id="standing-institutions-of-party-life",
    ),
    pytest.param(
        "深入实施人才强县首位战略，实施人才强市、创新驱动发展战略，实施人才强国战略和乡村振兴战略。",
        [("initiative", "人才强县首位战略", "人才强县首位战略"), ("initiative", "人才强市", "人才强市")],
        id="talent-strategies-not-national-strategies",
    ),
    # open heads: systems in 制, pilots, concentrated drives
    pytest.param(
        "推行干部任前家访制，实行项目建设链长制，深化人才发展体制改革。",
        [("initiative", "干部任前家访制", "干部任前家访制"), ("initiative", "项目建设链长制", "项目建设链长制")],
        id="systems-ending-in-zhi",
    ),
    pytest.param(
        "确定30个村开展乡村人才振兴试点，开展基层干部作风顽疾集中治理。",
        [("programme", "乡村人才振兴试点", "乡村人才振兴试点"),
         ("programme", "基层干部作风顽疾集中治理", "基层干部作风顽疾集中治理")],
        id="pilot-and-concentrated-drive",
    ),
    pytest.param(
        "构建“一网一格一员”的基层精细化治理体系，形成“上下联动”的工作格局。",
        [("initiative", "“一网一格一员”的基层精细化治理体系", "一网一格一员")],
        id="specific-de-phrase-inside-the-name",
    ),
    # a set named by its count is an item unless its members are listed with it
    pytest.param(
        "深入实施干部教育“八大行动”，建立人才工作“三项机制”。",
        [("initiative", "人才工作“三项机制”", "三项机制"), ("programme", "干部教育“八大行动”", "八大行动")],
        id="umbrella-whose-members-are-not-named",
    ),
    pytest.param(
        "聚焦培养、引进、服务“三大工程”，扎实推进“四项工程”：一是强基。", [], id="umbrella-with-members-listed",
    ),
    pytest.param(
        "深入实施青苗培优、乡贤回引、匠心育才“三大工程”，建立分级预警、跟踪督办等5项机制。",
        [("initiative", "分级预警", "分级预警"), ("initiative", "跟踪督办", "跟踪督办"),
         ("programme", "乡贤回引", "乡贤回引"), ("programme", "匠心育才", "匠心育才"), ("programme", "青苗培优", "青苗培优")],
        id="members-before-a-counted-umbrella",
    ),
    pytest.param(
        "深入实施村级后备力量整体优化提升工程，持续完善机制，加快推进人才发展。",
        [("programme", "村级后备力量整体优化提升工程", "村级后备力量整体优化提升工程")],
        id="verb-inside-an-unquoted-name",
    ),
    pytest.param(
        "探索农村党员队伍分类管理服务机制，健全干部考核评价机制。",
        [("initiative", "农村党员队伍分类管理服务机制", "农村党员队伍分类管理服务机制")],
        id="a-long-run-of-generic-words-names-one-thing",
    ),
    pytest.param(
        "开通“青禾先锋”视频号，开展“比学赶超”集中述职评议和“万人进党校”集中轮训。",
        [("initiative", "“青禾先锋”视频号", "青禾先锋"), ("programme", "“万人进党校”集中轮训", "万人进党校"),
         ("programme", "“比学赶超”集中述职评议", "比学赶超")],
        id="media-accounts-reviews-and-rotation-training",
    ),
    pytest.param(
        "深入开展机关干部结对帮村活动，精心组织庆祝建县七十周年系列活动，青年干部交流活动反响热烈。",
        [("programme", "机关干部结对帮村活动", "机关干部结对帮村活动")],
        id="unquoted-activity-only-after-its-verb",
    ),
    pytest.param(
        "全面建立村干部履职纪实档案，干部人事档案专项审核全部完成。",
        [("initiative", "村干部履职纪实档案", "村干部履职纪实档案")],
        id="unquoted-record-only-after-its-verb",
    ),
    pytest.param(
        "先后出台“青禾英才”15条、“乡村振兴”二十条措施，兑现奖补资金。",
        [("initiative", "“乡村振兴”二十条措施", "乡村振兴"), ("initiative", "“青禾英才”15条", "青禾英才")],
        id="policy-package-counted-after-its-quote",
    ),
    pytest.param(
        "制定快递小哥群体党建“十条暖心举措”，开展“书记走在前，党员干在先”“红旗插在一线”等主题活动。",
        [("initiative", "快递小哥群体党建“十条暖心举措”", "十条暖心举措"),
         ("programme", "“书记走在前，党员干在先”", "书记走在前，党员干在先"), ("programme", "“红旗插在一线”", "红旗插在一线")],
        id="counted-measures-and-listed-quotes-with-commas",
    ),
    pytest.param(
        "全面推行社区工作者“四岗八级”岗位等级薪酬制度。",
        [("initiative", "社区工作者“四岗八级”岗位等级薪酬制度", "四岗八级")],
        id="deng-inside-a-word-of-the-head-phrase",
    ),
    pytest.param(
        "健全全面从严治党主体责任清单，推行对口联系服务专家制度。",
        [("initiative", "全面从严治党主体责任清单", "全面从严治党主体责任清单"),
         ("initiative", "对口联系服务专家制度", "对口联系服务专家制度")],
        id="words-opening-with-a-preposition-stay-in-the-name",
    ),
    pytest.param(
        "构建县、乡、村三级人才联动服务体系。",
        [("initiative", "县、乡、村三级人才联动服务体系", "县、乡、村三级人才联动服务体系")],
        id="administrative-levels-listed-inside-one-name",
    ),
    pytest.param(
        "扎实开展“双联系双服务”工作，推进“三清两建”等工作。",
        [("programme", "“三清两建”", "三清两建"), ("programme", "“双联系双服务”", "双联系双服务")],
        id="bare-quote-before-gongzuo",
    ),
    pytest.param(
        "推行选情“三色”管理，打造“红石榴”综合管理服务平台，规范“裸官”管理等工作，推动“上挂下派”实践锻炼。",
        [("initiative", "“红石榴”综合管理服务平台", "红石榴"), ("initiative", "选情“三色”管理", "三色"),
         ("programme", "“上挂下派”实践锻炼", "上挂下派")],
        id="management-head-only-where-the-phrase-ends",
    ),
    pytest.param(
        "开展“近亲繁殖”问题整治，实施“一区一策”考核，推行“4+1”综合考核管理体系，开展“双整百千”四级联创。",
        [("initiative", "“4+1”综合考核管理体系", "4+1"), ("initiative", "“一区一策”考核", "一区一策"),
         ("programme", "“双整百千”四级联创", "双整百千"), ("programme", "“近亲繁殖”问题整治", "近亲繁殖")],
        id="open-heads-after-quotes",
    ),
    pytest.param(
        "成功举办第二届青禾人才大会，举办全县干部大讲堂12期，召开全县人才工作会议，举办县党代表大会。",
        [("programme", "全县干部大讲堂", "干部大讲堂"), ("programme", "青禾人才大会", "青禾人才大会")],
        id="recurring-events-not-meetings",
    ),
    pytest.param(
        "连续举办五届青禾乡村振兴论坛，吸引专家500余人。",
        [("programme", "青禾乡村振兴论坛", "青禾乡村振兴论坛")],
        id="count-of-editions-outside-an-event-name",
    ),
    # chronicle and yearbook styles: 了 after the verb, half-width punctuation
    pytest.param(
        "3月，举办了“青苗成长”年轻干部培训班，探索实施了村级“红黑榜”评议制度。",
        [("initiative", "村级“红黑榜”评议制度", "红黑榜"), ("programme", "“青苗成长”年轻干部培训班", "青苗成长")],
        id="chronicle-le-after-the-verb",
    ),
    pytest.param(
        '开展"书香机关"创建活动,推行"周例会"制度;全年培训干部1,200人次。',
        [("initiative", '"周例会"制度', "周例会"), ("programme", '"书香机关"创建活动', "书香机关")],
        id="yearbook-half-width-punctuation",
    ),
    pytest.param(
        '实施了"银龄讲学"、"青蓝结对"两项活动。',
        [("programme", '"银龄讲学"', "银龄讲学"), ("programme", '"青蓝结对"', "青蓝结对")],
        id="chronicle-listed-quotes-before-their-count",
    ),
    pytest.param(
        '全年以微党课形式开展"青禾夜校"2.6万场次。',
        [("programme", '"青禾夜校"', "青禾夜校")],
        id="yearbook-bare-quote-before-a-decimal-count",
    ),
    pytest.param(
        "同志们，要继续深化‘双岗双责’机制，扎实开展'银发先锋'活动。",
        [("initiative", "‘双岗双责’机制", "双岗双责"), ("programme", "'银发先锋'活动", "银发先锋")],
        id="speech-single-quotes-as-main-quotes",
    ),
    pytest.param(
        "持续开展“红旗引领、比学赶超”“双联双促”活动，深化“送学上门”“千名干部进企业”行动。",
        [("programme", "“千名干部进企业”", "千名干部进企业"), ("programme", "“双联双促”", "双联双促"),
         ("programme", "“红旗引领、比学赶超”", "红旗引领、比学赶超"), ("programme", "“送学上门”", "送学上门")],
        id="run-of-quotes-with-a-long-numbered-member",
    ),
    pytest.param(
        "今年开展基层建设攻坚年、窗口服务提升年、干部作风转变年“三个年”活动。",
        [("programme", "基层建设攻坚年", "基层建设攻坚年"), ("programme", "干部作风转变年", "干部作风转变年"),
         ("programme", "窗口服务提升年", "窗口服务提升年")],
        id="counted-umbrella-with-head-after-named-members",
    ),
    pytest.param(
        "在大力推广科研项目经费包干使用、青年人才评价和职称直评制度、职务成果转化收益分配等“三项改革”经验的基础上，继续深化。",
        [("initiative", "科研项目经费包干使用", "科研项目经费包干使用"),
         ("initiative", "职务成果转化收益分配", "职务成果转化收益分配"),
         ("initiative", "青年人才评价和职称直评制度", "青年人才评价和职称直评制度")],
        id="counted-umbrella-inside-a-clause-after-long-members",
    ),
    pytest.param("建立问题收集、分级研判、限时办结、回访评价“四项机制”保障服务落地。", [],
                 id="counted-umbrella-over-short-steps-names-no-members"),
    pytest.param(
        "制定进一步激发青年人才创新活力的《若干措施》、鼓励引导人才向乡村一线流动《若干措施》，实施“十四五”干部教育《规划》。",
        [("initiative", "“十四五”干部教育《规划》", "规划"),
         ("initiative", "进一步激发青年人才创新活力的《若干措施》", "若干措施"),
         ("initiative", "鼓励引导人才向乡村一线流动《若干措施》", "若干措施")],
        id="generic-document-title-takes-its-description",
    ),
    pytest.param(
        "全市认真贯彻落实中央《意见》，出台“三联三促”专项行动《实施方案》。",
        [("initiative", "《实施方案》", "实施方案"), ("programme", "“三联三促”专项行动", "三联三促")],
        id="generic-title-after-verbs-or-a-name-keeps-no-description",
    ),
    pytest.param(
        "推行“揭榜挂帅”“赛马”等制度，实施“雏鹰”等人才工程，评定“优秀”等次。",
        [("initiative", "“揭榜挂帅”", "揭榜挂帅"), ("initiative", "“赛马”", "赛马"), ("programme", "“雏鹰”", "雏鹰")],
        id="two-character-quote-named-by-the-head-after-etc",
    ),
    pytest.param(
        "落实干部选任“凡提四必”和“带病提拔”倒查等制度，开展“红心向党”培育等系列专项行动，推行“巡回式”服务等引才模式。",
        [("initiative", "“带病提拔”倒查", "带病提拔"), ("initiative", "干部选任“凡提四必”", "凡提四必"),
         ("programme", "“红心向党”培育", "红心向党")],
        id="quote-and-word-before-etc-and-head",
    ),
    pytest.param(
        "争取落实青年骨干研修、海外访学、返乡创业等专项活动名额，开展“企业家进校园”、专场招聘会等活动场次。",
        [("programme", "“企业家进校园”", "企业家进校园"), ("programme", "海外访学", "海外访学"),
         ("programme", "返乡创业", "返乡创业"), ("programme", "青年骨干研修", "青年骨干研修")],
        id="shared-head-after-etc-before-a-closing-word",
    ),
    pytest.param(
        "拓展“河湾优才卡”功能，将“人才绿卡”升级，大力实施“惠才卡”“人才服务绿卡”制度。",
        [("initiative", "“人才服务绿卡”", "人才服务绿卡"), ("initiative", "“人才绿卡”", "人才绿卡"),
         ("initiative", "“惠才卡”", "惠才卡"), ("initiative", "“河湾优才卡”", "河湾优才卡")],
        id="talent-cards-are-whole-names",
    ),
    pytest.param(
        "通过党委中心组学习、青年干部大讲堂等，依托新时代红色大讲堂开展轮训。",
        [("programme", "新时代红色大讲堂", "新时代红色大讲堂"), ("programme", "青年干部大讲堂", "青年干部大讲堂")],
        id="unquoted-lecture-series-and-last-member-before-etc",
    ),
    pytest.param(
        "推行思想鉴定和作风鉴定“双鉴定”，持续深化机关和党员“双报到”。",
        [("initiative", "思想鉴定和作风鉴定“双鉴定”", "双鉴定"), ("initiative", "机关和党员“双报到”", "双报到")],
        id="two-fields-joined-by-he-before-a-quote",
    ),
    pytest.param(
        "实施青年人才引育、“匠心工坊”选树、“银企牵手”人才对接等项目，壮大人才队伍。",
        [("programme", "青年人才引育", "青年人才引育"), ("programme", "“匠心工坊”选树", "匠心工坊"),
         ("programme", "“银企牵手”人才对接", "银企牵手")],
        id="list-members-quoted-with-words-around",
    ),
    pytest.param(
        "认真抓好“三会一课”、领导干部双重组织生活、党员主题党日等党内基本制度落实。",
        [],
        id="list-member-quote-after-verb-is-no-field",
    ),
    pytest.param(
        "“星火燎原”行动、高校学子家乡行、“千企百校”人才对接等活动，蓬勃开展。",
        [("programme", "“星火燎原”行动", "星火燎原"), ("programme", "高校学子家乡行", "高校学子家乡行"),
         ("programme", "“千企百校”人才对接", "千企百校")],
        id="list-opening-its-clause-closed-by-etc",
    ),
    pytest.param(
        "党员积极投身交通劝导、环境整治、防疫值守等志愿服务活动，形成浓厚氛围。",
        [],
        id="list-without-verb-or-name-is-no-items",
    ),
    pytest.param(
        "探索形成了山城茶艺、山城巧匠、山城厨娘“三大品牌”，带动群众增收。",
        [("initiative", "山城茶艺", "山城茶艺"), ("initiative", "山城巧匠", "山城巧匠"),
         ("initiative", "山城厨娘", "山城厨娘")],
        id="list-after-carried-verb",
    ),
    pytest.param(
        "组织实施创新创业人才培养工程、高技能人才培养工程等重点工程。",
        [("programme", "创新创业人才培养工程", "创新创业人才培养工程"),
         ("programme", "高技能人才培养工程", "高技能人才培养工程")],
        id="list-member-opening-with-a-nominal-verb",
    ),
    pytest.param(
        "健全“首题”抓学习、“首责”抓落实的制度机制，推动工作落地。",
        [],
        id="list-members-described-before-de",
    ),
    pytest.param(
        "带动各县推出“兴城”“兴港”等系列“英才计划”，构建人才政策体系。",
        [("programme", "“兴城”", "兴城"), ("programme", "“兴港”", "兴港")],
        id="quotes-before-etc-and-a-quoted-head",
    ),
    pytest.param(
        "开展“红旗先锋”“党员三问”“比学赶超”等“三大行动”，凝聚党员力量。",
        [("programme", "“红旗先锋”", "红旗先锋"), ("programme", "“党员三问”", "党员三问"),
         ("programme", "“比学赶超”", "比学赶超")],
        id="quotes-before-etc-and-a-quoted-umbrella",
    ),
    pytest.param(
        "采用“候鸟式”聘任、“飞地式”研发等引才模式，引进人才500人。",
        [("initiative", "“候鸟式”聘任", "候鸟式"), ("initiative", "“飞地式”研发", "飞地式")],
        id="list-after-caiyong",
    ),
    pytest.param(
        "始终把年轻干部工作作为基础性、战略性工程来抓，构建全面从严治党制度体系。",
        [],
        id="adjectives-and-standing-terms-name-nothing",
    ),
    pytest.param(
        "每年开展“金牌伯乐”、援派先进个人、最美建设者等评选表彰活动，营造爱才氛围。",
        [("programme", "“金牌伯乐”", "金牌伯乐")],
        id="list-members-naming-people-are-no-items",
    ),
    pytest.param(
        "深入推进强基护苗4项重点工程，在非公企业实施育企兴业六项行动。",
        [("programme", "强基护苗4项重点工程", "强基护苗4项重点工程"),
         ("programme", "育企兴业六项行动", "育企兴业六项行动")],
        id="unquoted-umbrella-with-unlisted-members",
    ),
    pytest.param(
        "实施青苗培养工程、骨干提升工程等5大工程，实施人才振兴三大行动：引才、育才、留才。",
        [("programme", "青苗培养工程", "青苗培养工程"), ("programme", "骨干提升工程", "骨干提升工程")],
        id="unquoted-umbrella-with-listed-members-is-no-item",
    ),
    pytest.param(
        "打造山海协作育才新模式，搭建校地联动交流新平台。",
        [],
        id="unquoted-novelty-description-is-no-name",
    ),
    pytest.param(
        "打造山海协作育才模式，搭建校地联动交流平台。",
        [("initiative", "山海协作育才模式", "山海协作育才模式"), ("initiative", "校地联动交流平台", "校地联动交流平台")],
        id="unquoted-model-and-platform",
    ),
    pytest.param(
        "采取“编随事走”“岗编适度分离”等方式推进编制资源下沉，通过“一谈二访三评”等办法考准干部。",
        [("initiative", "“编随事走”", "编随事走"), ("initiative", "“岗编适度分离”", "岗编适度分离"),
         ("initiative", "“一谈二访三评”", "一谈二访三评")],
        id="quotes-before-etc-and-a-way-of-working-are-methods",
    ),
    pytest.param(
        "采取“跨界”交流、“双向”交流等方式推进多岗位历练。",
        [("initiative", "“跨界”交流", "跨界"), ("initiative", "“双向”交流", "双向")],
        id="quotes-each-with-its-word-before-etc-and-a-method",
    ),
    pytest.param(
        "大力推行产业项目“赛马比拼”、技术攻关“悬赏揭榜”，破除人才流动壁垒。",
        [("initiative", "产业项目“赛马比拼”", "赛马比拼"), ("initiative", "技术攻关“悬赏揭榜”", "悬赏揭榜")],
        id="list-of-field-and-quote-members-after-one-verb",
    ),
    pytest.param(
        "建立常委会“首题必学”、党支部“周学一课”、机关“晨读十分钟”制度。",
        [("initiative", "常委会“首题必学”", "首题必学"), ("initiative", "党支部“周学一课”", "周学一课"),
         ("initiative", "机关“晨读十分钟”制度", "晨读十分钟")],
        id="field-and-quote-members-share-the-head-after-the-last",
    ),
    pytest.param(
        "引导干部坚定拥护“两个确立”、坚决做到“两个维护”，打造引才“强磁场”、聚才“大平台”。",
        [],
        id="slogans-and-targets-after-their-verbs-are-no-list",
    ),
    pytest.param(
        "实施领才集聚、骨才培育、青才储备“三才工程”，人才加快集聚。",
        [("programme", "领才集聚", "领才集聚"), ("programme", "骨才培育", "骨才培育"),
         ("programme", "青才储备", "青才储备")],
        id="umbrella-counting-members-that-share-a-word",
    ),
    pytest.param(
        "推广党员积分管理、无职党员“设岗定责”等做法，引导党员发挥作用。",
        [("initiative", "党员积分管理", "党员积分管理"), ("initiative", "“设岗定责”", "设岗定责")],
        id="unquoted-and-quoted-members-before-etc-and-practices",
    ),
    pytest.param(
        "严格执行干部选拔任用工作“一报告两评议”，开展市直机关“模范机关”创建行动，选派干部参与“组团式”帮扶。",
        [("initiative", "干部选拔任用工作“一报告两评议”", "一报告两评议"),
         ("programme", "“组团式”帮扶", "组团式"), ("programme", "市直机关“模范机关”创建行动", "模范机关")],
        id="central-systems-and-campaigns-applied-locally",
    ),
    pytest.param(
        "区委常委会严格落实理论学习“第一议题”制度，坚持“凡提四必”。",
        [("initiative", "“凡提四必”", "凡提四必"), ("initiative", "理论学习“第一议题”制度", "第一议题")],
        id="central-rule-written-with-its-field-words",
    ),
    pytest.param(
        "各级主体班次培训干部2万人次；“书记讲党课”“党员微宣讲”累计开展8000余场次。“党员微宣讲”开展以来，受众广泛。",
        [("programme", "“书记讲党课”", "书记讲党课"), ("programme", "“党员微宣讲”", "党员微宣讲")],
        id="quotes-opening-a-clause-held-so-many-times",
    ),
    pytest.param(
        "落实担当激励、容错免责、澄清正名机制，为干部撑腰鼓劲。",
        [("initiative", "担当激励", "担当激励"), ("initiative", "容错免责", "容错免责"),
         ("initiative", "澄清正名机制", "澄清正名")],
        id="paired-actions-before-one-head-are-one-item-each",
    ),
    pytest.param(
        "建立单独分组、单独评审制度，坚持固定主题党日制度，落实三会一课制度。",
        [("initiative", "单独分组、单独评审制度", "单独分组、单独评审制度")],
        id="parts-of-one-name-and-standing-institutions-of-party-life",
    ),
    pytest.param(
        "2009年,县委组织了深入学习实践科学发展观活动;此后又组织了两新组织党建覆盖攻坚行动。",
        [("programme", "深入学习实践科学发展观活动", "深入学习实践科学发展观活动"),
         ("programme", "两新组织党建覆盖攻坚行动", "两新组织党建覆盖攻坚行动")],
        id="chronicle-verbs-with-le-and-a-national-campaign",
    ),
    pytest.param(
        "严格执行村(社区)“两委”干部县级联审机制,举办第五届古城人才大会。",
        [("initiative", "村(社区)“两委”干部县级联审机制", "两委"), ("programme", "古城人才大会", "古城人才大会")],
        id="bracketed-kinds-in-a-field-and-an-ordinal-before-an-event",
    ),
    pytest.param(
        "先后出台乡村引才18条、青年人才扶持12条等政策，制定干部职级晋升9条负面清单。",
        [("initiative", "乡村引才18条", "乡村引才18条"), ("initiative", "青年人才扶持12条", "青年人才扶持12条")],
        id="numbered-packages-written-without-quotes",
    ),
    pytest.param(
        "打造“暖蜂驿站”，组建“银发先锋服务队”，建立街道“大工委”、社区“大党委”联席会议制度。",
        [("initiative", "“大党委”联席会议制度", "大党委")],
        id="stations-teams-and-bodies-are-no-items",
    ),
    pytest.param(
        "深入实施新时代人才强县战略和人才兴市战略，全面推行党组织领导的中小学校校长负责制。",
        [("initiative", "新时代人才强县战略", "人才强县战略"), ("initiative", "人才兴市战略", "人才兴市战略"),
         ("initiative", "党组织领导的中小学校校长负责制", "党组织领导的校长负责制")],
        id="talent-strategies-in-their-era-and-a-central-school-system",
    ),
    pytest.param(
        "持续深化党支部建设标准化，以党支部标准化建设促进基层治理。",
        [("initiative", "党支部建设标准化", "党支部建设标准化"), ("initiative", "党支部标准化建设", "党支部建设标准化")],
        id="party-branch-standardisation-as-the-reports-name-it",
    ),
    pytest.param(
        "如何引来人才？古城用行动给出了答案：扎实开展习近平新时代中国特色社会主义思想主题教育。",
        [("programme", "习近平新时代中国特色社会主义思想主题教育", "学习贯彻习近平新时代中国特色社会主义思想主题教育")],
        id="with-action-is-no-name-and-the-theme-education-without-xuexi-guanche",
    ),
    pytest.param(
        "开设组工讲堂，举办5期青年干部大讲堂，承办边城人才交流活动月。",
        [("programme", "组工讲堂", "组工讲堂"), ("programme", "青年干部大讲堂", "青年干部大讲堂"),
         ("programme", "边城人才交流活动月", "边城人才交流活动月")],
        id="lecture-series-and-a-talent-month-held-the-count-no-part-of-the-name",
    ),
    pytest.param(
        "举办县处级领导干部学习贯彻党的二十大精神专题研讨班，健全正向激励和反向惩戒机制、激励和保护机制。",
        [],
        id="a-one-off-rotation-and-generic-pairs-of-mechanisms",
    ),
    pytest.param(
        "全县组织系统将以“实干为先”的工作作风、“敢闯敢试”的创新举措，推进“强基”行动。",
        [("programme", "“强基”行动", "强基")],
        id="quotes-saying-how-after-yi-are-no-names",
    ),
    pytest.param(
        "为高层次人才发放“优才卡”，深入实施党的创新理论学习教育计划。",
        [("initiative", "“优才卡”", "优才卡"), ("programme", "党的创新理论学习教育计划", "党的创新理论学习教育计划")],
        id="a-card-quoted-alone-and-innovative-theory-as-a-noun",
    ),
    pytest.param(
        "抓好提醒函询诫勉和平时考核，完善“15分钟健身圈”，宣告又一人才引进平台落地，"
        "完善一揽子人才政策体系，真抓实干成为全县的统一认识与行动自觉。",
        [],
        id="standing-cadre-rules-a-place-a-determiner-a-package-and-a-noun-going-on",
    ),
    pytest.param(
        "深化重点领域和关键环节改革，优化机构职能体系，严格落实中央八项规定。",
        [],
        id="generic-fields-and-the-central-eight-rules",
    ),
    pytest.param(
        "全面实施“铸魂固本、专业赋能、实践淬炼”三大计划，构建“平时考、年度考、专项考”三位一体考评体系。",
        [("programme", "铸魂固本", "铸魂固本"), ("programme", "专业赋能", "专业赋能"), ("programme", "实践淬炼", "实践淬炼"),
         ("initiative", "“平时考、年度考、专项考”三位一体考评体系", "平时考、年度考、专项考")],
        id="one-quote-listing-as-many-members-as-its-head-counts-unless-they-make-one",
    ),
    pytest.param(
        "开展“骨干人才集聚、青年人才倍增、科创团队引育”3个行动，以“重温入党誓词、开展志愿服务”2项规定动作推进。",
        [("programme", "骨干人才集聚", "骨干人才集聚"), ("programme", "青年人才倍增", "青年人才倍增"),
         ("programme", "科创团队引育", "科创团队引育")],
        id="a-count-in-digits-after-a-listing-quote-and-duties-opening-with-verbs",
    ),
    pytest.param(
        "把学习习近平总书记重要讲话精神作为县委常委会会议“第一议题”，奋力谱写“强富美高”新篇章。",
        [("initiative", "“第一议题”", "第一议题")],
        id="a-national-system-s-quoted-core-alone-and-a-provincial-slogan",
    ),
    pytest.param(
        "构建人才“近悦远来”的政策体系，举办“江海先锋”青训营，推出“青城英才一卡通”。",
        [("programme", "“江海先锋”青训营", "江海先锋"), ("initiative", "“青城英才一卡通”", "青城英才一卡通")],
        id="an-idiom-in-quotes-names-nothing-a-youth-camp-and-an-all-in-one-card",
    ),
    pytest.param(
        "开展高端人才引领、骨干人才集聚、青年人才倍增行动，完善单独分组、单独评审制度。",
        [("programme", "高端人才引领", "高端人才引领"), ("programme", "骨干人才集聚", "骨干人才集聚"),
         ("programme", "青年人才倍增行动", "青年人才倍增"), ("initiative", "单独分组、单独评审制度", "单独分组、单独评审制度")],
        id="three-names-sharing-a-head-without-deng-and-two-parts-of-one-name",
    ),
    pytest.param(
        "实施政治引领、法治保障、德治教化“三治”工程，落实待遇从优、生活优待、使用优先“三优”政策。",
        [("programme", "政治引领", "政治引领"), ("programme", "法治保障", "法治保障"), ("programme", "德治教化", "德治教化"),
         ("initiative", "“三优”政策", "三优")],
        id="a-count-and-a-word-naming-members-that-hold-it-in-one-place",
    ),
    pytest.param(
        "持续深化基层党建“三化”建设，推进“四个中心”功能建设。",
        [("programme", "基层党建“三化”建设", "三化")],
        id="a-numbered-code-with-a-weak-head-names-an-item-after-field-words",
    ),
    pytest.param(
        "每年举办市管主要领导干部专题研讨班，举办青年干部乡村振兴培训班。",
        [("programme", "青年干部乡村振兴培训班", "青年干部乡村振兴培训班")],
        id="a-class-naming-only-who-attends-is-routine",
    ),
    pytest.param(
        "扎实推进红色美丽村庄建设，全县5个村入选红色美丽村庄试点。",
        [("programme", "红色美丽村庄建设", "红色美丽村庄建设试点"), ("programme", "红色美丽村庄试点", "红色美丽村庄建设试点")],
        id="the-national-red-village-pilot-written-two-ways",
    ),
    pytest.param(
        "招录“三支一扶”人员400人，设立“青城人才日”。",
        [("programme", "“三支一扶”", "三支一扶"), ("programme", "“青城人才日”", "青城人才日")],
        id="a-national-programme-s-quote-and-a-talent-day",
    ),
    pytest.param(
        "各支部定期组织集中宣讲、参观学习、座谈交流等活动，举办政务实践等活动。",
        [],
        id="lists-of-generic-activities-under-a-shared-head",
    ),
    pytest.param(
        "开展了千名党员进万家活动，推行了网格员轮值制和在职党员双报到制。",
        [("initiative", "在职党员双报到制", "在职党员双报到制"), ("initiative", "网格员轮值制", "网格员轮值制"),
         ("programme", "千名党员进万家活动", "千名党员进万家活动")],
        id="a-verb-with-le-runs-the-name-after-it-and-words-holding-a-mark-are-no-mark",
    ),
    pytest.param(
        "开办党员教育“红心讲堂”，开设“江城讲堂”专题讲座十二场，创办“山城好声音”广播栏目。",
        [("initiative", "“山城好声音”广播栏目", "山城好声音"), ("programme", "“江城讲堂”专题讲座", "江城讲堂"),
         ("programme", "党员教育“红心讲堂”", "红心讲堂")],
        id="lecture-series-talks-and-media-columns",
    ),
    pytest.param(
        "在主流媒体开设“奋斗故事”专栏，县级领导带头开展“沉下去、摸实情”蹲点调研，深入开展蹲点调研。",
        [("initiative", "“奋斗故事”专栏", "奋斗故事"), ("programme", "“沉下去、摸实情”蹲点调研", "沉下去、摸实情")],
        id="a-named-column-and-a-named-survey-not-a-generic-one",
    ),
    pytest.param(
        "举办青年创新创业大赛、第二届乡村振兴人才论坛，深入开展干部人才组团式帮扶和扫黑除恶专项斗争。",
        [("programme", "乡村振兴人才论坛", "乡村振兴人才论坛"), ("programme", "青年创新创业大赛", "青年创新创业大赛"),
         ("programme", "干部人才组团式帮扶", "组团式"), ("programme", "扫黑除恶专项斗争", "扫黑除恶专项斗争")],
        id="events-listed-after-the-verb-that-holds-them-and-national-campaigns-unquoted",
    ),
    pytest.param(
        "成功举办第四届“江城英才周”和第二届“中国·江城人才节”，同步开展新能源汽车创新创业大赛和人才峰会，与江城工程大学共建实验室。",
        [("programme", "“中国·江城人才节”", "中国·江城人才节"), ("programme", "“江城英才周”", "江城英才周"),
         ("programme", "人才峰会", "人才峰会"), ("programme", "新能源汽车创新创业大赛", "新能源汽车创新创业大赛")],
        id="quoted-talent-weeks-after-their-edition-events-joined-by-he-and-no-project-in-a-university-s-name",
    ),
    pytest.param(
        "常态化举办在外人才恳谈会，连续三年举办组织业务技能竞赛，通过“院坝会”“田间课”等形式宣讲，开设人才“一窗通办”专窗，推行党员积分管理。",
        [("initiative", "“田间课”", "田间课"), ("initiative", "“院坝会”", "院坝会"), ("initiative", "人才“一窗通办”专窗", "一窗通办"),
         ("initiative", "党员积分管理", "党员积分管理"), ("programme", "在外人才恳谈会", "在外人才恳谈会"),
         ("programme", "组织业务技能竞赛", "组织业务技能竞赛")],
        id="talks-and-contests-held-quotes-named-as-forms-service-windows-and-points-schemes",
    ),
    pytest.param(
        "出台“江城英才”新政30条，修订“江城人才新政”26条和《江城市人才安居办法》。",
        [("initiative", "“江城人才新政”26条", "江城人才新政"), ("initiative", "“江城英才”新政30条", "江城英才"),
         ("initiative", "《江城市人才安居办法》", "江城市人才安居办法")],
        id="policy-packages-counted-after-their-quoted-name-and-a-word-for-them",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_measures_in_sentence(text, expected):
    assert _found(text) == sorted(expected)


def test_offsets_point_at_the_name():
    text = "开封市大力实施“汴梁英才”计划，建立人才服务专员制度。"
    article = Pipeline(["programmes", "initiatives"])(_article(text))
    assert [text[m.start : m.end] for m in article.measures] == [m.name for m in article.measures]
    assert {m.name for m in article.measures} == {"“汴梁英才”计划", "人才服务专员制度"}


def test_running_twice_adds_nothing():
    pipeline = Pipeline(["programmes", "initiatives"])
    first = list(pipeline(_article("实施“雁归”工程，建立人才服务专员制度。")).measures)
    again = pipeline(pipeline(_article("实施“雁归”工程，建立人才服务专员制度。"))).measures
    assert again == first
    assert [m.name for m in first] == ["“雁归”工程", "人才服务专员制度"]


def test_one_written_name_has_one_kind_in_an_article():
    """深化 reads a bare quote as a mechanism, 开展 as a programme; one article's
    item is one of the two, programme winning a tie."""
    text = "深化“邻里红管家”，持续开展“邻里红管家”。"
    assert _found(text) == [("programme", "“邻里红管家”", "邻里红管家")] * 2


def test_bare_quote_repeating_a_headed_name_is_one_item():
    text = "深化“红色物业”创建，推广“红色物业”经验，物业服务水平持续提升。"
    assert _found(text) == [("programme", "“红色物业”创建", "红色物业")]


def test_a_contest_under_a_plan_s_name_is_an_item_of_its_own(tmp_path):
    """A contest held under a plan's name is another item than the plan; two wordings of one plan are one."""
    corpus = tmp_path / "a.txt"
    corpus.write_text("新时代江城市组织工作综述\n实施“江城英才”计划，举办“江城英才”创新创业大赛。"
                      "深化“江城英才”工程，推进“两个覆盖”攻坚行动和“两个覆盖”集中攻坚行动。\n", encoding="utf-8")
    graph = build_corpus(corpus)
    names = {}
    for node, label in [*graph.subject_objects(RDFS.label), *graph.subject_objects(SKOS.altLabel)]:
        if str(label).startswith(("“江城英才”", "“两个覆盖”")):
            names.setdefault(node, set()).add(str(label))
    assert sorted(map(sorted, names.values())) == [
        ["“两个覆盖”攻坚行动", "“两个覆盖”集中攻坚行动"], ["“江城英才”创新创业大赛"], ["“江城英才”工程", "“江城英才”计划"]]


def test_a_small_lexicon_handed_in_finds_its_own_heads():
    """A word added to a list is read by the components handed the lexicon, and by no other."""
    text = "常态化开展“红色轻骑兵”巡讲，建立党员联户台账。"
    words = dict(packaged().lexicon.words)
    words["programme-head"] += ("巡讲",)
    words["initiative-head"] += ("台账",)
    words["unquoted-head"] += ("台账",)
    knowledge = Knowledge(national=packaged().national, lexicon=Lexicon(words))
    article = Pipeline(["programmes", "initiatives"], knowledge)(_article(text))
    assert sorted((m.kind, m.name) for m in article.measures) == [
        ("initiative", "党员联户台账"), ("programme", "“红色轻骑兵”巡讲")]
    assert _found(text) == []


def test_every_line_of_the_word_table_parses():
    text = data_text("measure_words.tsv")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert all(len(row) == 2 and row[0] in LISTS and row[1] for row in rows), [r for r in rows if r[0] not in LISTS]
    assert packaged().lexicon.words == read_lexicon(text).words  # lists and duplicates: see test_word_tables.py


@pytest.mark.parametrize("text, message", [
    ("programme-heads\t计划\n", "unknown list 'programme-heads'"),
    ("programme-head\n", "expected a list and a word"),
    ("programme-head\t计划\t工程\n", "expected a list and a word"),
])
def test_word_table_refuses_unknown_lists_and_broken_lines(text, message):
    with pytest.raises(OrgkgError, match=message):
        read_lexicon(text)


FIXTURES = Path(__file__).parent / "data" / "measures"
REPORTS = [
    pytest.param(
        "county_summary.txt",
        {("programme", "学习贯彻习近平新时代中国特色社会主义思想主题教育"), ("initiative", "“青禾讲习所”品牌建设"),
         ("programme", "“百名书记讲党课”活动"), ("programme", "村级集体经济“强村富民”行动"),
         ("programme", "“青禾英才”计划"), ("programme", "“乡贤回归”工程"), ("programme", "“青禾人才周”"),
         ("initiative", "“三单一评”工作法"), ("initiative", "农村党员“积分晋级”管理"),
         ("initiative", "《青禾县村干部报酬管理办法》"), ("initiative", "村干部县级备案管理制度"),
         ("initiative", "科研攻关“揭榜挂帅”"), ("initiative", "“青禾先锋”党建品牌"),
         ("initiative", "“凡提四必”")},  # a central rule the county applies (data/national.tsv)
        id="county-summary-blank-lines-and-yishi-headings",
    ),
    pytest.param(
        "talent_report.txt",
        {("programme", "“云岭学子回家”"), ("programme", "“名校行”"), ("programme", "“安居工程”"),
         ("initiative", "人才强市战略"), ("initiative", "《云岭市高层次人才认定办法》"), ("initiative", "《实施细则》"),
         ("initiative", "人才新政“30条”"), ("initiative", "“1+N”人才政策体系"), ("initiative", "“云岭人才之家”服务平台"),
         ("initiative", "党委联系服务专家制度"), ("initiative", "“人才服务专员”")},
        id="talent-report-numbered-points-no-indent",
    ),
    pytest.param(
        "province_review.txt",
        {("programme", "“墨山英才”培育工程"), ("programme", "年轻干部“墩苗”计划"),
         ("programme", "“两个覆盖”集中攻坚行动"), ("programme", "“红色领航”"), ("programme", "“先锋示范”"),
         ("initiative", "政治素质、履职能力专项考核办法"), ("initiative", "“四下基层”工作机制"),
         ("initiative", "机关党建“五融五促”工作法"), ("initiative", "“党建+网格”治理模式")},
        id="province-report-indented",
    ),
    pytest.param(
        "city_summary.txt",
        # (its 二十大精神 rotation is one-off, no item)
        {("programme", "加强党的基层组织建设提升服务力三年行动计划"), ("programme", "村干部活力、能力、效能三提升工程"),
         ("programme", "两新组织“两个覆盖”集中攻坚"), ("initiative", "推进领导干部能上能下实施办法"),
         ("initiative", "村级组织运转经费保障办法"), ("initiative", "加强新时代年轻干部工作的若干措施")},
        id="city-summary-documents-classes-no-descriptions",
    ),
]


@pytest.mark.parametrize(("name", "expected"), REPORTS)
def test_same_genre_reports_in_other_layouts(name, expected):
    """Invented reports laid out unlike the corpus (blank lines, （一）/一是/1. headings,
    no indents) give the same names: no heading words glued on, no slogans."""
    [article] = read_corpus(FIXTURES / name)
    article = Pipeline(["programmes", "initiatives"])(article)
    assert {(m.kind, m.name) for m in article.measures} == expected


def test_real_corpus_measures(corpus_articles):
    """Aggregate behaviour on the user's corpus: every article reports some of
    each kind, names are exact spans without leading verbs, no span is both kinds,
    and national campaigns are found across most regions."""
    per_kind = [Counter(m.kind for m in a.measures) for a in corpus_articles]
    assert sum(1 for c in per_kind if c["programme"] and c["initiative"]) >= 0.9 * len(corpus_articles)
    for article in corpus_articles:
        spans = [(m.start, m.end) for m in article.measures]
        assert len(spans) == len(set(spans)), article.title
        for m in article.measures:
            assert article.text[m.start : m.end] == m.name
            assert not m.name.startswith(("实施", "开展", "制定", "建立", "推行", "深入")), m.name
    reporting = sum(any(m.name == "党史学习教育" for m in a.measures) for a in corpus_articles)
    assert reporting >= 0.5 * len(corpus_articles)
