"""The figures extractor on invented sentences in the reports' style, and on the real corpus."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from orgkg.graph.corpus import read_corpus
from orgkg.graph.doc import Article, FigureMention, MeasureMention, RegionMention, RegionRef, Sentence
from orgkg.graph.extract import REGISTRY, Pipeline
from orgkg.graph.extract.figures import UNITS, find_figures
from orgkg.graph.indicators import read_indicators
from orgkg.graph.knowledge import packaged
from orgkg.resources import data_text

INDICATORS = packaged().indicators


def figures_of(text: str, regions=(), measures=()) -> list[FigureMention]:
    """Run the extractor on a one-sentence article."""
    article = Article(id="t", position=1, title="测试", level=None, source="test", text=text,
                      sentences=[Sentence(0, text, 0, len(text), 0, None)],
                      regions=list(regions), programmes=[m for m in measures if m.kind == "programme"],
                      initiatives=[m for m in measures if m.kind == "initiative"])
    return find_figures(article, INDICATORS).figures


def summary(text: str) -> list[tuple]:
    return [(str(f.value), f.unit, f.approx) for f in figures_of(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("截至2022年底，全省共有党员386.2万名、基层党组织15.3万个。",
                     [("3862000", "名", None), ("153000", "个", None)], id="wan-decimals"),
        pytest.param("全市累计选派驻村第一书记1200余名，培训干部8.6万余人次。",
                     [("1200", "名", "余"), ("86000", "人次", "余")], id="yu-before-and-after-wan"),
        pytest.param("今年共受理群众诉求600余万件，办结率近98.5%。",
                     [("6000000", "件", "余"), ("98.5", "%", "近")], id="yu-before-wan-and-jin"),
        pytest.param("援派队伍常年保持在1500人以上。", [("1500", "人", "以上")], id="yishang-at-clause-end"),
        pytest.param("全区实名注册志愿者突破5万人，服务时长超12万小时。",
                     [("50000", "人", "突破"), ("120000", "小时", "超")], id="tupo-and-chao"),
        pytest.param("投入专项资金3.5亿元，建成人才公寓2,300套。",
                     [("350000000", "元", None), ("2300", "套", None)], id="yi-yuan-and-separator"),
        pytest.param("先后选派六批干部驻村，全市人才总量超过27万。",
                     [("6", "批", None), ("270000", "人", "超过")], id="chinese-count-and-bare-wan"),
        pytest.param("带动1.2万低收入农户增收。", [("12000", "户", None)], id="unit-from-counted-noun"),
        pytest.param("村“两委”成员中大专以上学历占百分之八十五，较换届前提高6个百分点。",
                     [("85", "%", None), ("6", "个百分点", None)], id="baifenzhi-and-points"),
        pytest.param("班子成员平均年龄41.5岁，收入增长3倍。", [("41.5", "岁", None), ("3", "倍", None)],
                     id="average-age-and-times"),
        pytest.param("全市70%以上的村集体经济收入超过10万元。", [("70", "%", "以上")],
                     id="share-with-yishang-and-de-amount-is-its-criterion"),
        pytest.param("接入3.6万路监控视频。", [("36000", "路", None)], id="lu-channels"),
        pytest.param("设立人才专项资金一千万元,刊发经验材料三十五篇,调解纠纷二十起。",
                     [("10000000", "元", None), ("35", "篇", None), ("20", "起", None)],
                     id="chinese-numeral-amounts-pieces-and-cases"),
        pytest.param("审核干部档案860卷，查处违纪问题31起。", [("860", "卷", None), ("31", "起", None)],
                     id="juan-and-qi-units"),
        pytest.param("全县重点抓好以下四项工作。今年的工作我归纳为三个方面。", [], id="counts-announcing-a-list"),
        pytest.param("今年再选派三十名干部驻村，计划新建党群服务站6个，每个村至少储备后备干部2名。", [],
                     id="plans-in-a-speech"),
        pytest.param("力争示范支部占比达到60%以上，五星支部达到20个。", [], id="target-lead-governs-the-sentence"),
        pytest.param("对引进的博士给予安家补贴，最高可达50万元。", [], id="a-cap-is-a-bound"),
        pytest.param("内设五个科室(办公室、干部股、组织股、人才股、宣传股)。", [], id="count-restating-a-bracketed-list"),
        pytest.param("评定好等次班子26个、较差等次班子三个。", [("26", "个", None), ("3", "个", None)],
                     id="a-list-of-counts-is-no-restated-list"),
        pytest.param("班子成员中四分之一具有硕士学位。", [("25", "%", None)], id="fraction-as-percentage"),
        pytest.param("近万名党员干部下沉社区，上万人次参加培训。", [("10000", "名", "近"), ("10000", "人次", "上万")],
                     id="round-ten-thousand"),
        pytest.param("集中选派近千名机关干部驻企服务，动员近百名律师参与普法，实施百名博士引进计划。",
                     [("1000", "名", "近"), ("100", "名", "近")], id="round-hundreds-and-thousands-need-jin"),
        pytest.param("引进人才１２．５万人，占比３０％。", [("125000", "人", None), ("30", "%", None)], id="full-width-digits"),
        pytest.param("培训党员干部３,２００余人次，开发精品课程120门。", [("3200", "人次", "余"), ("120", "门", None)],
                     id="full-width-separator-and-men"),
        pytest.param("地区生产总值突破1.2万亿元，同比增长8.4%。",
                     [("1200000000000", "元", "突破"), ("8.4", "%", None)], id="wan-yi-yuan-and-growth"),
        pytest.param("省领导先后两次到该县调研，两千名志愿者参与服务，专家连续授课三场。",
                     [("2", "次", None), ("2000", "名", None), ("3", "场", None)], id="chinese-numeral-counts"),
        pytest.param("连续举办四届创业大赛、三届人才论坛。", [("4", "届", None), ("3", "届", None)],
                     id="editions-listed-after-one-verb"),
        pytest.param("新建的电池项目仅用210天就建成投产，开放住房、医疗等6个方面服务。",
                     [("210", "天", None), ("6", "个", None)], id="days-to-production-and-list-cut-short"),
        pytest.param("举办各类轮训班16期次，编印学习手册7册、读本600本，讲授党课90节。",
                     [("16", "期次", None), ("7", "册", None), ("600", "本", None), ("90", "节", None)],
                     id="qici-ce-ben-jie"),
        pytest.param("“今年全县拿出30多个岗位，面向社会公开选聘。”", [("30", "个", "多")], id="statistic-in-quoted-speech"),
        pytest.param("构建以“12个教育基地、300名讲师”为主体的资源库。", [("12", "个", None), ("300", "名", None)],
                     id="counts-listed-in-quotes"),
        pytest.param("“青松计划”引进博士45名。", [("45", "名", None)], id="named-plan-is-not-a-plan-word"),
        pytest.param("2022年,全县共发展党员356名,举办了培训班12期;新建党群服务中心8个。",
                     [("356", "名", None), ("12", "期", None), ("8", "个", None)],
                     id="yearbook-half-width-punctuation-and-le"),
        pytest.param("全年召开常委会议十二次，研究干部事项三十余项。", [("12", "次", None), ("30", "项", "余")],
                     id="chronicle-chinese-numeral-with-yu"),
        pytest.param("制定9方面26条措施。", [("9", "方面", None), ("26", "条", None)], id="fangmian-without-ge"),
        pytest.param("收入达20万元、80万元的村分别达到61%和18%，收入10万元的村达到120个。",
                     [("61", "%", None), ("18", "%", None), ("120", "个", None)], id="amounts-qualifying-a-count-are-bars"),
        pytest.param("全年考核干部二百余人次,走访三十余家企业,举办培训班三期;三人小组督导两家单位,推进二期工程。",
                     [("200", "人次", "余"), ("30", "家", "余"), ("3", "期", None)],
                     id="chronicle-chinese-numerals-of-people-firms-and-rounds"),
        pytest.param("党员总数突破8万名的预期目标、达到9.2万名。", [("92000", "名", None)], id="result-after-a-target-met"),
    ],
)
def test_values_units_and_approximations(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("深入贯彻“两个维护”，增强“四个意识”，落实“三会一课”制度。", id="numbered-slogans"),
        pytest.param("出台“人才新政20条”，构建“1+5+N”政策体系，实施《人才发展规划（2021—2025年）》。",
                     id="numbers-inside-names"),
        pytest.param("选派第一书记，召开第三次党代会，位居全省第2位，进入全国前10名，考核进入前三名。", id="ordinals"),
        pytest.param("庆祝建党100周年，学习贯彻党的二十大精神。", id="anniversary-and-congress"),
        pytest.param("实施三年行动计划，建设一批人才公寓，2023年6月启动。", id="durations-vague-dates"),
        pytest.param("对35岁以下干部进行集中培训，32岁的青年干部返乡创业。", id="age-bound-and-one-age"),
        pytest.param("集体经济收入20万元以上村全部脱贫。", id="threshold-on-other-count"),
        pytest.param("15天内完成摸排，用2个月时间开展整顿，开通24小时服务热线。", id="time-spans"),
        pytest.param("用3至5年时间培养后备干部，每村储备2至3名后备力量，每户补贴1万到2万元。", id="ranges-are-targets"),
        pytest.param("力争明年新引进各类人才500名以上，预计年底村集体经济收入均达到10万元。", id="targets"),
        pytest.param("今年园区产值有望突破20亿元。", id="expected-is-a-target"),
        pytest.param("下一步，全县将新建服务中心5个，培训干部3000人次。", id="next-step-plans-in-a-speech"),
        pytest.param("累计孵化科技项目数十项，培训干部几十名。", id="vague-tens"),
        pytest.param("实施三年新建5000套青年人才公寓计划，建立人才投入逐年增长10%机制。", id="numbers-inside-unquoted-plan-names"),
        pytest.param("全面消除年收入5万元以下村。", id="amount-below-which-bounds-the-villages"),
        pytest.param("全年计划招录公务员60名，拟选派20名干部驻村。", id="plans"),
        pytest.param("贯彻省委十三届三次全会精神，开展一次次学习，一场场宣讲。", id="plenary-and-reduplication"),
        pytest.param("建立排查、预警、处置3项机制，在东京、柏林设立2个引才联络站。", id="arabic-counts-restating-a-list"),
        pytest.param("邀请种植、养殖、电商和物流等4个行业的党员代表发言。", id="count-restating-a-list-closed-by-deng"),
        pytest.param('开展了"五个好"村党支部创建活动,县委于2008年、2015年两次被评为先进。',
                     id="half-width-quoted-count-and-times-restating-years"),
    ],
)
def test_not_figures(text):
    assert figures_of(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("换届后92%的村至少有1名大学生。", [("92", "%", None)], id="criterion-of-a-share"),
        pytest.param("全区80%的乡镇建成服务站126个。", [("80", "%", None), ("126", "个", None)],
                     id="count-done-after-a-share-is-a-figure"),
        pytest.param("全面消除集体经济收入5万元以下的村，其中12个村收入过百万。", [("12", "个", None)],
                     id="amount-below-which-is-a-bound"),
        pytest.param("全镇15个村集体经济收入均达到8万元以上。", [("15", "个", None), ("80000", "元", "以上")],
                     id="income-every-counted-village-reached-is-an-outcome"),
        pytest.param("村均收入突破12万元，人均增收800元。", [("120000", "元", "突破"), ("800", "元", None)],
                     id="averages-are-not-bars"),
        pytest.param("平均每1元财政投入带动2.6元社会投资。", [("2.6", "元", None)], id="base-of-a-rate"),
        pytest.param("全镇村集体经济收入全部达到30万元以上。", [("300000", "元", "以上")],
                     id="money-all-reached-without-a-count-is-the-outcome"),
        pytest.param("全县45个社区服务中心面积全部达到300平方米以上。", [("45", "个", None)], id="area-standard-is-a-bar"),
        pytest.param("设立每年规模不少于5000万元的人才基金，按每千名党员不低于2名的标准配备党务干部。", [],
                     id="bounds-a-rule-sets"),
        pytest.param("新增人才企业120家，其中18家营收已达到5000万元以上，4家营收超过2亿元。",
                     [("120", "家", None), ("18", "家", None), ("4", "家", None)], id="amounts-sorting-the-part-counted-are-bars"),
    ],
)
def test_criteria_and_bases_left_out(text, expected):
    """A number that states what each counted item meets, or the base of a rate, is not a figure itself."""
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("该县连续6年被评为全省组织工作先进县。", [("6", "年", None)], id="continued-years"),
        pytest.param("这项培训已连续举办12年。", [("12", "年", None)], id="continued-with-a-verb"),
        pytest.param("全市连续两年获评“好”等次。", [("2", "年", None)], id="continued-chinese-numeral"),
        pytest.param("突击队员坚守大堤48小时，党员24小时轮流值守。", [("48", "小时", None), ("24", "小时", None)],
                     id="hours-of-an-action"),
        pytest.param("200余名干部集中3天时间封闭学习。", [("200", "名", "余"), ("3", "天", None)], id="days-an-action-took"),
        pytest.param("力争用8年时间建成示范区，开通24小时服务热线，村干部任期5年，五年来成效明显。", [],
                     id="target-name-rule-and-time-frame-are-not"),
    ],
)
def test_counted_periods(text, expected):
    """A counted period that reports a fact is a figure; one that bounds a target, a name or a rule,
    or frames the time of other figures, is not."""
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("全市千名党员下沉社区，投入帮扶资金超百亿元。", [("1000", "名", None), ("10000000000", "元", "超")],
                     id="thousand-and-ten-billion"),
        pytest.param("近百名专家、千余名志愿者参与服务。", [("100", "名", "近"), ("1000", "名", "余")],
                     id="round-with-approximations"),
        pytest.param("实施千名干部培训工程，开展百场招聘活动，深入千家万户。", [], id="campaign-names-and-idioms-are-not"),
        pytest.param("新提拔县处级干部中一半以上来自基层一线，近一半有乡镇工作经历，一半时间用于调研。",
                     [("50", "%", "以上"), ("50", "%", "近")], id="half-is-a-share-where-approximated"),
    ],
)
def test_round_amounts_without_digits(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("县委组织部下设七个科室，今年完成九项重点任务。", [("7", "个", None), ("9", "项", None)],
                     id="ge-and-xiang-outside-names"),
        pytest.param("从住房、医疗、子女入学等六个方面提供保障。", [("6", "个", None)], id="list-with-deng-is-counted"),
        pytest.param("推进三个“一号工程”，落实中央八项规定，出台十项措施，建立党建、业务两个台账，从正反两个方面总结，"
                     "这两项工作成效明显。", [], id="names-restated-lists-pairs-and-demonstratives-are-not"),
        pytest.param("“书记强调，要做到‘两个维护’，完成12项任务。”", [("12", "项", None)], id="slogan-nested-in-speech"),
        pytest.param("全年交流轮岗一百零五名，发展党员一千零二十六名，新筹集人才公寓一千八百套，收集群众诉求五千余条。",
                     [("105", "名", None), ("1026", "名", None), ("1800", "套", None), ("5000", "条", "余")],
                     id="yearbook-numerals-with-ling-sets-and-points"),
        pytest.param("健全县乡村三套班子，出台三条措施，重点在三个方面持续发力：一是完善机制；二是强化保障。", [],
                     id="small-sets-and-points-and-a-count-announcing-the-list-after-a-colon"),
        pytest.param("与甲大学、乙大学共建科技小院3个，覆盖重点商务楼宇56栋，开发情景教学课程十二门。",
                     [("3", "个", None), ("56", "栋", None), ("12", "门", None)],
                     id="a-clause-opening-yu-is-no-list-mark-buildings-and-courses"),
        pytest.param("覆盖比例保持在九成以上，近八成干部来自基层，超过七成的村集体增收，一成不变，以建成八成为目标。",
                     [("90", "%", "以上"), ("80", "%", "近"), ("70", "%", "超过")], id="tenths-written-without-digits"),
    ],
)
def test_chinese_numeral_counts(text, expected):
    """Chinese-numeral counts of 个/项 are figures outside names and slogans, unless they restate
    the list they close or point back to one."""
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text, subjects",
    [
        pytest.param("五年来，全市共招录公务员860名、选调生120名。", ["招录公务员", "选调生"],
                     id="verb-phrase-before-list"),
        pytest.param("组织动员全市3200多个基层党组织、9万余名党员投身防汛一线。",
                     ["组织动员基层党组织", "党员投身防汛一线"], id="noun-and-verb-phrase-after"),
        pytest.param("截至2022年底，太原市党员总数为58.6万名。", ["太原市党员总数"], id="total-before-wei"),
        pytest.param("全省人才资源总量由2012年的410万人增长到720万人。", ["人才资源总量", "人才资源总量"],
                     id="from-to-shares-subject"),
        pytest.param("全区94.8%的村实现党组织书记、主任“一肩挑”。", ["村实现党组织书记、主任“一肩挑”"],
                     id="share-of-what-after-de"),
        pytest.param("开设“干部夜校”36期，开展“擂台比武”12场。", ["开设“干部夜校”", "开展“擂台比武”"],
                     id="quoted-programme-before-count"),
        pytest.param("群众对换届工作的满意率逐年提高，2022年达97.6%。", ["群众对换届工作的满意率逐年提高"],
                     id="clause-before-names-it"),
        pytest.param("持续选派六批1800余名第一书记驻村帮扶。", ["选派第一书记驻村帮扶", "选派第一书记驻村帮扶"],
                     id="count-of-batches-takes-next-noun-and-shares-its-verb"),
        pytest.param("共开展谈心谈话600余人次，215名在防汛救灾、项目建设中敢于担当、实绩突出的干部得到提拔。",
                     ["开展谈心谈话", "实绩突出的干部得到提拔"], id="head-noun-after-long-modifier"),
        pytest.param("两年来引进博士人才86人，年均增长35%。", ["引进博士人才", "引进博士人才增长"],
                     id="growth-rate-of-previous-subject"),
        pytest.param("下沉1200多名机关干部和900多名志愿者参与社区服务。", ["下沉机关干部", "志愿者参与社区服务"],
                     id="conjunction-not-in-subject"),
        pytest.param("临江区8名区级领导联系帮扶45家重点企业，省级人才从2名增至9名。",
                     ["临江区区级领导联系帮扶", "区级领导联系帮扶重点企业", "省级人才", "省级人才"],
                     id="verb-of-previous-noun-governs-next-count"),
        pytest.param("新增就业岗位超3200个——这是园区运营首年交出的答卷。", ["新增就业岗位"],
                     id="dash-ends-the-noun"),
        pytest.param("村级集体经济收入1200万元，村均收入18.5万元。", ["村级集体经济收入", "村均收入"],
                     id="per-village-kept"),
        pytest.param("投入“青禾英才乡村振兴人才支持计划”专项扶持资金1.6亿元。", ["“青禾英才乡村振兴人才支持计划”专项扶持资金"],
                     id="long-before-not-cut-inside-name"),
        pytest.param("对优秀书记分别给予15万元、8万元奖励资金。", ["对优秀书记分别给予奖励资金", "奖励资金"],
                     id="listed-amounts-share-the-last-noun"),
        pytest.param("45名符合条件的干部得到提拔。", ["符合条件的干部得到提拔"], id="short-modifier-read-to-its-noun"),
        pytest.param("投入800万元与高校共建实训基地。", ["投入与高校共建实训基地"], id="preposition-opens-the-verb-phrase"),
        pytest.param("将12个单位的30项服务事项集中办理。", ["将单位", "服务事项集中办理"], id="de-before-the-next-count"),
        pytest.param("全县92%的村至少有1名大学生，超60%的村收入达到8万元。", ["村至少有1名大学生", "村收入达到8万元"],
                     id="share-keeps-its-criterion"),
        pytest.param("举办专题培训班320期、培训9.6万人次。", ["举办专题培训班", "举办专题培训班培训"],
                     id="bare-verb-trains-the-previous-classes"),
        pytest.param("实施村干部学历提升计划，累计培训4200余人。", ["实施村干部学历提升计划培训"],
                     id="bare-verb-takes-the-clause-before"),
        pytest.param("推动全县86个村、12个社区全部建立议事会。", ["推动村建立议事会", "社区全部建立议事会"],
                     id="list-items-share-the-predicate"),
        pytest.param("制定9方面26条措施。", ["制定措施", "制定措施"], id="adjacent-counts-share-the-verb"),
        pytest.param("连续3年向1.2万名老党员颁发纪念章。", ["向1.2万名老党员颁发纪念章", "老党员颁发纪念章"],
                     id="period-takes-its-clause"),
        pytest.param("600余名志愿者积极参与社区环境整治和垃圾分类宣传工作。", ["志愿者积极参与社区环境"], id="noun-not-cut-inside-a-word"),
        pytest.param("实施全县乡村党组织书记能力提升三年轮训计划，累计培训1.7万人。", ["乡村党组织书记能力提升三年轮训计划培训"],
                     id="long-clause-cut-on-a-word-boundary"),
        pytest.param("修订完善《村务监督委员会工作规则实施细则》制度13项。", ["《村务监督委员会工作规则实施细则》制度"],
                     id="long-before-not-cut-inside-a-title"),
        pytest.param("研究出台《村级事务管理办法》，明确6方面18种情形。", ["《村级事务管理办法》情形"] * 2,
                     id="parts-of-the-document-just-named"),
        pytest.param("开展心理疏导、健康讲座、法律咨询等各类关爱活动120余场。", ["开展心理疏导、健康讲座、法律咨询等各类关爱活动"],
                     id="closed-list-kept-whole"),
        pytest.param("依托镇村党群服务中心、新时代文明实践站等建立“红色驿站”30个。", ["新时代文明实践站等建立“红色驿站”"],
                     id="list-of-means-still-cut"),
        pytest.param("各乡镇选拔年轻干部占比均在30%以上，群众满意率始终保持在96%以上。", ["各乡镇选拔年轻干部占比", "群众满意率"],
                     id="where-a-share-stays-is-a-link"),
        pytest.param("12位志愿者正在清理河道，工坊吸纳了800人就业。", ["志愿者", "工坊吸纳就业"], id="no-trailing-adverb-or-particle"),
        pytest.param("人才资源总量从42万人跃升至86万人。", ["人才资源总量", "人才资源总量"], id="leap-is-a-change-verb"),
        pytest.param("将村级承担事项由120多项精简到60项。", ["将村级承担事项", "将村级承担事项精简"], id="cut-is-a-change-verb"),
        pytest.param("全县人才总量达5.6万人,比五年前增加1.2万人。", ["人才总量", "人才总量比五年前增加"],
                     id="change-against-bi-takes-previous-subject"),
        pytest.param("开办专题研讨班、开发56门精品课程。", ["开发精品课程"], id="last-of-listed-actions-counts"),
        pytest.param("提醒、函询、诫勉干部230人次。", ["提醒、函询、诫勉干部"], id="verbs-sharing-an-object-stay"),
        pytest.param("明确5大类共120项服务事项。", ["明确服务事项", "服务事项"], id="two-counts-bridged-by-gong"),
        pytest.param("分4期组织300名村干部参加轮训。", ["组织300名村干部参加轮训", "组织村干部参加轮训"],
                     id="rounds-of-an-action-on-the-next-count"),
        pytest.param("连续6年举办人才节、连续3年举办创业赛。", ["举办人才节", "举办创业赛"], id="periods-listed-each-their-own"),
        pytest.param("出台激励干部担当作为的15条措施。", ["出台激励干部担当作为措施"], id="link-words-trimmed-whole-not-inside-a-word"),
        pytest.param("一是6次专题轮训，筑牢思想根基。", ["专题轮训"], id="list-marker-is-no-subject"),
        pytest.param("村党组织书记、社区干部报酬最高分别达到每月4800元、6200元。", ["村党组织书记、社区干部报酬"] * 2,
                     id="bound-and-rate-words-before-an-amount-trimmed"),
        pytest.param("全省县（市、区）四套班子成员建立基层党建工作联系点860个。", ["（市、区）四套班子成员建立基层党建工作联系点"],
                     id="long-before-not-cut-inside-brackets"),
        pytest.param("建成334个区级及以下党群服务中心。", ["建成区级及以下党群服务中心"], id="ji-yixia-is-a-bound-not-a-conjunction"),
        pytest.param("评选优秀共产党员、优秀党务工作者各100人。", ["评选优秀共产党员、优秀党务工作者"], id="ge-each-is-a-link"),
        pytest.param("集体经济收入达20万元、80万元的行政村分别达到61%和18%。", ["行政村", "行政村"],
                     id="shares-of-villages-by-income"),
        pytest.param("选派120名年轻干部到拼经济、抓项目一线锻炼、在实践中成长。", ["选派年轻干部到拼经济、抓项目一线锻炼"],
                     id="no-list-mark-left-trailing"),
        pytest.param("同志们,过去一年,全县上下共发展党员412名,我们选派了三批干部驻村。", ["发展党员", "选派干部驻村"],
                     id="speech-who-words-are-no-subject"),
        pytest.param("市级以上研发平台达到860家，其中国家级21家、省级190家。", ["市级以上研发平台", "国家级研发平台", "省级研发平台"],
                     id="level-takes-the-previous-noun"),
        pytest.param("“今年全县拿出30多个岗位，面向社会公开选聘。”建成“6个乡镇服务站、42个村级服务点”服务网络。",
                     ["拿出岗位", "建成乡镇服务站", "村级服务点"], id="no-quotation-mark-left-open"),
        pytest.param("全市52所中等职业学校完成换届。", ["中等职业学校完成换届"], id="deng-inside-a-word-is-no-list-end"),
        pytest.param("轮训村党组织书记、监委会主任、网格员等360余人。", ["轮训村党组织书记、监委会主任、网格员"],
                     id="closed-list-right-before-the-number-kept-whole"),
        pytest.param("选派80名年轻干部到开发区、重点项目、信访窗口等一线跟班锻炼。",
                     ["选派年轻干部到开发区、重点项目、信访窗口等一线跟班锻炼"], id="listed-destinations-run-on-to-what-they-do"),
        pytest.param("抽调45名干部针对征地拆迁、安全生产等难点任务攻坚。", ["抽调干部针对征地拆迁、安全生产等难点任务攻坚"],
                     id="listed-tasks-run-on-to-what-they-do"),
        pytest.param("带动全县9个村在全市率先完成“三清”整治，3000余名党员坚守在抢险一线。",
                     ["带动村在全市率先完成“三清”整治", "党员坚守在抢险一线"], id="adverbial-with-zai-after-the-noun-kept"),
        pytest.param("全县排查4大类合计156项问题。", ["排查问题", "问题"], id="heji-between-counts-is-no-subject"),
        pytest.param("全县合计发展党员356名。", ["发展党员"], id="heji-before-the-subject-is-no-subject"),
        pytest.param("全县3200多个基层党组织筑起抗洪抢险的坚强堡垒，4.6万名党员争当乡村振兴的排头兵。",
                     ["基层党组织", "党员"], id="predicate-cut-before-its-object-is-no-part-of-the-subject"),
        pytest.param("举办3期科级干部学习贯彻全会精神的专题轮训班，对58名漏报个人事项的干部批评教育。",
                     ["举办科级干部学习贯彻全会精神的专题轮训班", "漏报个人事项的干部批评教育"],
                     id="clause-before-the-counted-noun-is-read-through"),
        pytest.param("指导5县(市、区)选聘大学生村官860名。", ["指导县（市、区）", "选聘大学生村官"],
                     id="county-count-without-measure-word"),
        pytest.param("带动28名县（市、区）党政正职赴高校，组建小区（网格）党组织436个，覆盖率达98.2%。",
                     ["带动县（市、区）党政正职赴高校", "组建小区（网格）党组织", "组建小区（网格）党组织覆盖率"],
                     id="aside-listing-kinds-and-a-rate-of-the-count-before"),
        pytest.param("选派1.2万名第一书记和驻村工作队员，建成86个街道和社区党群服务中心，1200名党员和500名群众参加。",
                     ["选派第一书记和驻村工作队员", "建成街道和社区党群服务中心", "党员", "群众参加"],
                     id="he-joins-two-kinds-of-one-count-not-two-counts"),
        pytest.param("新增人才企业120家，其中18家营收已达到5000万元以上；培训干部900人，其中科级干部300人。",
                     ["新增人才企业", "新增人才企业营收已达到", "培训干部", "科级干部"],
                     id="a-part-saying-what-the-items-have-counts-the-items-before"),
        pytest.param("全县120余家机关党组织与社区结对共建，300名党员与200名群众参加。",
                     ["机关党组织与社区结对共建", "党员", "群众参加"], id="an-adverbial-with-yu-after-the-noun-kept"),
        pytest.param("全县42名同志被评为全省优秀党务工作者。", ["同志被评为全省优秀党务工作者"],
                     id="a-phrase-a-little-longer-than-the-cap-is-read-to-its-end-not-clipped"),
        pytest.param("全镇2.1万余名党员分三批参加集中学习，对六个村进行督导，两个较差等次支部限期整改。",
                     ["党员", "参加集中学习", "村进行督导", "较差等次支部限期整改"],
                     id="fen-of-rounds-a-leading-preposition-and-jiao-of-an-adjective-are-no-part"),
        pytest.param("选派干部驻守大湾村、石门村、竹林村等6个村，培训支部书记、委员等120人。",
                     ["选派干部驻守大湾村、石门村、竹林村", "培训支部书记、委员"],
                     id="a-list-already-naming-the-counted-noun-does-not-repeat-it"),
        pytest.param("甲镇大湾村、乙镇石门村等9个村被命名为“五面红旗”村。", ["甲镇大湾村、乙镇石门村被命名为“五面红旗”村"],
                     id="a-listed-village-s-suffix-is-not-repeated-before-what-they-did"),
    ],
)
def test_subjects(text, subjects):
    assert [f.subject for f in figures_of(text)] == subjects


@pytest.mark.parametrize(
    "text, times",
    [
        pytest.param("截至2022年12月31日，全市党员总数为12.5万名。", ["截至2022年12月31日"], id="jiezhi-date"),
        pytest.param("十年来，累计培训干部3.2万人次；2021年以来，新建党群服务中心56个。", ["十年来", "2021年以来"],
                     id="nearest-period"),
        pytest.param("党员人数从2012年的8.3万名增加到10.6万名。", ["2012年", None], id="year-de-binds-next-number"),
        pytest.param("全市新建党群服务中心56个。", [None], id="no-time"),
        pytest.param("2021、2022年全市连续两年获评先进。", ["2021、2022年"], id="listed-years"),
        pytest.param("2022年，新增就业人员4.1万名，较2021年增加0.6万人。", ["2022年", "2022年"],
                     id="comparison-base-is-not-the-time"),
        pytest.param("今年5月，全市举办专题培训班12期。", ["今年5月"], id="this-year-with-month"),
        pytest.param("截至今年6月底，全县有党员1.2万名；引进人才30名；去年，新建服务站18个。",
                     ["截至今年6月底", "截至今年6月底", "去年"], id="semicolon-part-or-sentence-opening"),
    ],
)
def test_times(text, times):
    assert [f.time for f in figures_of(text)] == times


@pytest.mark.parametrize(
    "text, indicators",
    [
        pytest.param("截至2022年底，全省共有党员386.2万名、基层党组织15.3万个。",
                     ["party-members", "party-organisations"], id="province-totals"),
        pytest.param("全市党员人数增加到6.4万余名。", ["party-members"], id="party-member-count-grew"),
        pytest.param("组织2.6万名党员到社区报到，3名党员获全国表彰。", [None, None], id="mobilised-and-awarded-not-totals"),
        pytest.param("五年来全省新发展党员28.6万名。", ["new-party-members"], id="new-members-distinct"),
        pytest.param("教育引导全市12.8万名党员坚定理想信念。", ["party-members"], id="whole-city-members-mobilised"),
        pytest.param("全州14.2万名党员捐款860万元，全市1.3万名党员到社区报到。", [None, None, None],
                     id="donors-and-volunteers-not-totals"),
        pytest.param("全县现有党员1,032名，每个乡镇平均有选调生3名。", ["party-members", None],
                     id="township-total-but-not-average"),
        pytest.param("全市人才资源总量达到112.5万人，专业技术人才总量38.2万人，人才密度达21.3%。",
                     ["talent-total", "professional-talent", "talent-density"], id="talent-figures"),
        pytest.param("选派驻村第一书记1200余名、驻村工作队320支，培训干部8.6万人次。",
                     ["first-secretaries", "village-work-teams", "training-person-times"], id="rural-and-training"),
    ],
)
def test_indicators(text, indicators):
    assert [f.indicator for f in figures_of(text)] == indicators


def test_concerns_names_the_measure_in_the_subject():
    text = "开办“干部夜校”36期，培训干部4200人次。"
    measure = MeasureMention("programme", "“干部夜校”", "干部夜校", 2, 8, 0)
    first, second = figures_of(text, measures=[measure])
    assert (first.concerns, second.concerns) == (("measure", 2), None)


def test_a_count_inside_a_name_is_no_figure():
    """The extractors found 激励干部担当作为16条措施 as one initiative: its 16 names it, the 40 is a figure."""
    text = "出台激励干部担当作为16条措施，40名干部受到表彰。"
    measure = MeasureMention("initiative", "激励干部担当作为16条措施", "激励干部担当作为16条措施", 2, 15, 0)
    assert [(str(f.value), f.unit) for f in figures_of(text, measures=[measure])] == [("40", "名")]
    assert [(str(f.value), f.unit) for f in figures_of(text)] == [("16", "条"), ("40", "名")]


def test_concerns_names_the_region_opening_the_subject():
    text = "截至2022年底，太原市党员总数为58.6万名，赴上海挂职干部120名。"
    taiyuan = RegionRef("140100", "太原市", "prefecture", "140100")
    shanghai = RegionRef("310000", "上海市", "province", "310000")
    regions = [RegionMention("太原市", 9, 12, 0, taiyuan), RegionMention("上海", 28, 30, 0, shanghai)]
    assert [f.concerns for f in figures_of(text, regions=regions)] == [("region", 9), None]


def test_indicator_read_past_a_short_region_name():
    """A region's short name opening the subject (not in the indicator rules) is read past;
    the figure that inherits the subject concerns the same region."""
    text = "松川人才资源总量从41万人增长到52.3万人。"
    songchuan = RegionRef("999901", "松川市", "prefecture", None)
    figures = figures_of(text, regions=[RegionMention("松川", 0, 2, 0, songchuan)])
    assert [(f.subject, f.indicator, f.concerns) for f in figures] == [
        ("松川人才资源总量", "talent-total", ("region", 0))] * 2


def test_concerns_skips_a_region_listed_as_an_example():
    text = "分管领导带队组团赴长沙、南昌等地重点院校推介岗位1500个。"
    changsha = RegionRef("430100", "长沙市", "prefecture", "430100")
    nanchang = RegionRef("360100", "南昌市", "prefecture", "360100")
    regions = [RegionMention("长沙", 9, 11, 0, changsha), RegionMention("南昌", 12, 14, 0, nanchang)]
    (figure,) = figures_of(text, regions=regions)
    assert figure.subject.startswith("南昌") and figure.concerns is None


def test_offsets_and_text_point_into_the_article():
    text = "标题\n全市建成党群服务中心86个，引进人才1.2万余人。"
    article = Article(id="t", position=1, title="标题", level=None, source="test", text=text,
                      sentences=[Sentence(0, "标题", 0, 2, 0, None), Sentence(1, text[3:], 3, len(text), 1, None)])
    figures = find_figures(article, INDICATORS).figures
    assert [(text[f.start:f.end], f.text, f.sentence) for f in figures] == [("86个", "86个", 1), ("1.2万余人", "1.2万余人", 1)]


def test_identical_fact_repeated_is_listed_once():
    text = "五年来提醒、函询、诫勉210人次。"
    sentences = [Sentence(0, text, 0, len(text), 0, None), Sentence(1, text, len(text), 2 * len(text), 1, None)]
    article = Article(id="t", position=1, title="测试", level=None, source="test", text=text * 2, sentences=sentences)
    assert len(find_figures(article, INDICATORS).figures) == 1


def test_registered_after_regions_and_measures():
    Pipeline(["regions", "programmes", "initiatives", "figures"])  # loads each and checks the order
    registration = REGISTRY["figures"]
    assert registration.assigns == ("figures",)
    assert {"regions", "programmes", "initiatives"} <= set(registration.requires)


def test_indicator_table_is_well_formed():
    table = read_indicators(data_text("indicators.tsv"))
    assert table.keys() == INDICATORS.keys() and len(table) >= 10
    for indicator in table.values():
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", indicator.key), indicator.key
        assert indicator.zh and indicator.en
        assert indicator.units <= set(UNITS), indicator.key


FIXTURES = Path(__file__).parent / "data" / "figures"


@pytest.mark.parametrize(
    "name, present, absent, indicators",
    [
        pytest.param("county-summary", [("3200", "人次"), ("18600", "名"), ("9.2", "个百分点"), ("34600000", "元")],
                     [("5", "名"), ("3", "名"), ("300", "名")], {"18600": "party-members", "612": "party-organisations"},
                     id="county-summary-blank-lines-and-parenthesised-headings"),
        pytest.param("city-talent-report", [("523000", "人"), ("1284", "名"), ("235000000", "元"), ("92", "%")],
                     [], {"523000": "talent-total", "18.7": "talent-density"},
                     id="city-talent-report-numbered-points"),
        pytest.param("township-report", [("1032", "名"), ("276000", "元"), ("680", "名"), ("135000", "元")],
                     [], {"1032": "party-members", "680": None, "860": None},
                     id="township-report-indented-with-spaces"),
        pytest.param("province-talent-summary",
                     [("300", "个"), ("5", "届"), ("3", "届"), ("2", "次"), ("95", "%"), ("42", "个"), ("4.2", "元"),
                      ("100", "%")],
                     [("1", "个"), ("1", "元"), ("200", "名"), ("4000000", "人")], {"3864000": "talent-total"},
                     id="province-talent-summary-speech-criteria-and-plans"),
        pytest.param("county-yearbook",
                     [("6", "个"), ("12", "项"), ("14", "次"), ("200", "名"), ("1000", "名"), ("4", "年"), ("9", "年"),
                      ("300", "名"), ("5", "天"), ("8", "个"), ("100", "名"), ("10000000", "元")],
                     [("3", "年"), ("24", "小时"), ("8", "项")], {"13200": "party-members"},
                     id="county-yearbook-half-width-punctuation-entry-headings-chinese-numerals"),
    ],
)
def test_other_report_layouts(name, present, absent, indicators):
    """Same-genre reports in layouts other than the compilation's: all statistics found (quoted
    speech included), ranges, targets, plans, criteria and rate bases left out, totals (and only
    totals) given their indicator."""
    article = find_figures(read_corpus(FIXTURES / f"{name}.txt")[0], INDICATORS)
    found = {(str(f.value), f.unit) for f in article.figures}
    assert set(present) <= found and not set(absent) & found
    by_value = {str(f.value): f.indicator for f in article.figures}
    assert {value: by_value.get(value) for value in indicators} == indicators
    assert all(article.text[f.start:f.end] == f.text and f.subject for f in article.figures)


# ---- the real corpus (ORGKG_CORPUS) ----

def test_corpus_figures_are_traceable_and_plausible(corpus_articles):
    figures = [(a, f) for a in corpus_articles for f in a.figures]
    assert len(figures) > 2000
    assert all(a.text[f.start:f.end] == f.text for a, f in figures)
    assert all(f.value > 0 and f.unit for _, f in figures)
    # no ordinals, anniversaries, congress numbers or numbers inside quoted names
    assert not [f.text for a, f in figures if a.text[f.start - 1:f.start] == "第" or f.unit == "周年"]
    # 届 counts editions held: a verb of holding them opens its clause (举办六届大赛、五届论坛)
    held = re.compile(r"(?:举办|承办|召开|连续)[^，。；]*$")
    assert all(held.search(a.text, a.text.rfind("，", 0, f.start) + 1, f.start) for a, f in figures if f.unit == "届")
    with_subject = sum(1 for _, f in figures if f.subject)
    assert with_subject / len(figures) > 0.99
    assert all(a.figures for a in corpus_articles), "every review reports statistics"


def test_corpus_party_member_totals(corpus_articles):
    """The issue's query "party members per region" needs the totals most reports give."""
    reporting = {a.id for a in corpus_articles for f in a.figures if f.indicator == "party-members"}
    assert len(reporting) >= 20
    values = [f.value for a in corpus_articles for f in a.figures if f.indicator == "party-members"]
    assert min(values) >= Decimal(1000)


def test_corpus_figures_have_indicators_and_times(corpus_articles):
    figures = [f for a in corpus_articles for f in a.figures]
    assert sum(1 for f in figures if f.indicator) > 200
    assert sum(1 for f in figures if f.time) > 300
    assert sum(1 for f in figures if f.concerns) > 50
