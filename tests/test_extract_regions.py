"""Region mentions and article subjects, on invented report sentences and on the real corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from orgkg.graph.corpus import read_corpus
from orgkg.graph.extract import Pipeline
from orgkg.graph.extract.regions import RegionFinder
from orgkg.graph.gazetteer import DIVISION_LEVELS
from orgkg.graph.knowledge import packaged


@pytest.fixture(scope="module")
def finder() -> RegionFinder:
    return RegionFinder(packaged().gazetteer, packaged().region_words)


def _region(about):
    """The region with code ``about``, or the township ``<county code>-<name>``."""
    gazetteer = packaged().gazetteer
    code, _, town = about.partition("-")
    region = gazetteer.find(code)
    return gazetteer.locals_under(region)[town] if town else region


def _found(finder, text, about):
    """(surface, full name, level, parent name) of each mention in an article about ``about``."""
    subject = _region(about) if about else None
    return [(text[s:e], r.name, r.level, r.parent.name if r.parent else None)
            for s, e, r in finder.find(text, subject)]


CASES = [
    pytest.param("扬州市广陵区新发展党员300名。", "321000",
                 [("扬州市", "扬州市", "prefecture", "江苏省"), ("广陵区", "广陵区", "county", "扬州市")],
                 id="full-names"),
    pytest.param("广陵、江都两地联合开展干部培训。", "321000",
                 [("广陵", "广陵区", "county", "扬州市"), ("江都", "江都区", "county", "扬州市")],
                 id="county-short-forms-near-subject"),
    pytest.param("广陵、江都两地联合开展干部培训。", "410600", [], id="county-short-forms-far-from-subject"),
    pytest.param("鼓楼区新建党群服务中心12个。", "320100", [("鼓楼区", "鼓楼区", "county", "南京市")],
                 id="repeated-name-nanjing"),
    pytest.param("鼓楼区新建党群服务中心12个。", "350100", [("鼓楼区", "鼓楼区", "county", "福州市")],
                 id="repeated-name-fuzhou"),
    pytest.param("与北京市朝阳区签订协议，组织干部赴朝阳挂职锻炼。", "530100",
                 [("北京市", "北京市", "province", None), ("朝阳区", "朝阳区", "county", "北京市"),
                  ("朝阳", "朝阳区", "county", "北京市")], id="repeated-short-name-settled-by-article"),
    pytest.param("党员志愿者在陕西南路沿线开展服务。", "310000", [], id="street-name"),
    pytest.param("坚持和发展中国特色社会主义，全省党员干部深化重大理论学习。", "410000", [],
                 id="china-and-names-inside-words"),
    pytest.param("市直单位和县区结对共建，大兴调查研究之风。", "341300", [], id="county-names-as-words"),
    pytest.param("首都高校毕业生踊跃报名，京华大地人才汇聚。", "410600",
                 [("京华", "北京市", "province", None)], id="epithet-needs-place-word"),
    pytest.param("首都高校毕业生踊跃报名。", "110000", [("首都", "北京市", "province", None)],
                 id="epithet-of-own-region"),
    pytest.param("选派蒙古族干部赴井冈山精神教育基地学习。", "150000", [], id="ethnic-group-and-spirit"),
    pytest.param("主动融入京津冀协同发展，建设西部地区人才高地，深化东西部协作。", "130000",
                 [("京津冀", "京津冀", "macro", None), ("西部地区", "西部地区", "macro", None)], id="macro-areas"),
    pytest.param("围绕广安经开区和贵安新区产业需求引才。", "511600",
                 [("广安经开区", "广安经开区", "zone", "广安市"), ("贵安新区", "贵安新区", "zone", "贵州省")],
                 id="zones"),
    pytest.param("结合高新区招商引资开展访企活动，推动各高新区协同。", "141000",
                 [("高新区", "高新区", "zone", "临汾市")], id="bare-zone-of-subject"),
    pytest.param("用足自贸区先行先试政策，为各自贸区输送干部。", "330900",
                 [("自贸区", "自贸区", "zone", "舟山市")], id="bare-free-trade-zone-of-subject"),
    pytest.param("尧都区一平垣乡卓里村党支部领办合作社。", "141002",
                 [("尧都区", "尧都区", "county", "临汾市"), ("一平垣乡", "一平垣乡", "township", "尧都区"),
                  ("卓里村", "卓里村", "village", "一平垣乡")], id="township-and-village"),
    pytest.param("选取卓里、岭上等2个村开展试点。", "141002",
                 [("卓里", "卓里村", "village", "一平垣乡"), ("岭上", "岭上村", "village", "一平垣乡")],
                 id="shared-suffix-list"),
    pytest.param("推广锦东、李丰等乡村的共富经验。", "321012",
                 [("锦东", "锦东村", "village", "丁伙镇"), ("李丰", "李丰村", "village", "丁伙镇")],
                 id="list-of-villages-without-count"),
    pytest.param("大力发展村集体经济，建设美丽乡村和新农村。", "141002", [], id="generic-village-words"),
    pytest.param("温岭、黄岩两地共建人才飞地。", "331000",
                 [("温岭", "温岭市", "county", "台州市"), ("黄岩", "黄岩区", "county", "台州市")],
                 id="county-listed-after-county"),
    pytest.param("选派干部到上海嘉定挂职，并在德国设立引才工作站。", "532300",
                 [("上海", "上海市", "province", None), ("嘉定", "嘉定区", "county", "上海市"),
                  ("德国", "德国", "foreign", None)], id="county-after-its-province-and-foreign"),
    pytest.param("旺苍红色教育基地全年接待学员3000人次。", "510800", [("旺苍", "旺苍县", "county", "广元市")],
                 id="county-short-form-tagged-as-person-name"),
    pytest.param("坚持走和平发展道路，让红旗高高飘扬。", "120000", [], id="county-short-forms-that-are-common-words"),
    pytest.param("昭化镇党委组织党员开展志愿服务。", "510800", [("昭化镇", "昭化镇", "township", "昭化区")],
                 id="township-named-like-its-county"),
    pytest.param("在旺苍南阳建成红色教育实训基地。", "510800",
                 [("旺苍", "旺苍县", "county", "广元市"), ("南阳", "南阳村", "village", "东河镇")],
                 id="village-without-suffix-after-county-not-prefecture"),
    pytest.param("旺苍南阳片区成立联合党委。", "510800", [("旺苍", "旺苍县", "county", "广元市")],
                 id="area-named-after-a-village-is-not-the-village"),
    pytest.param("东河镇南峰村新建党群服务中心。", "510821",
                 [("东河镇", "东河镇", "township", "旺苍县"), ("南峰村", "南峰村", "village", "东河镇")],
                 id="suffix-glued-to-next-word-by-jieba"),
    pytest.param("推动呼和浩特包头两地人才共享。", "150000",
                 [("呼和浩特", "呼和浩特市", "prefecture", "内蒙古自治区"),
                  ("包头", "包头市", "prefecture", "内蒙古自治区")], id="two-prefectures-side-by-side"),
    pytest.param("与西湖大学共建人才实验室。", "330100", [], id="university-named-like-a-county"),
    pytest.param("引进兰州大学、上海交通大学博士30名。", "620000", [], id="city-and-province-inside-university-word"),
    pytest.param("与华中科技大学、东北大学签订合作协议。", "420000", [], id="macro-area-inside-university-word"),
    pytest.param("组织干部赴东北、江苏等地考察。", "220000",
                 [("东北", "东北地区", "macro", None), ("江苏", "江苏省", "province", None)], id="macro-area-listed"),
    pytest.param("主动服务东北振兴大局。", "410000", [("东北", "东北地区", "macro", None)],
                 id="macro-area-before-revitalisation"),
    pytest.param("加强川滇黔三省交界地区人才协作。", "520000", [("川滇黔", "川滇黔", "macro", None)],
                 id="province-abbreviations-in-a-row"),
    pytest.param("深化京豫对口协作。", "410000", [], id="province-abbreviation-pair-is-a-partnership"),
    pytest.param("西城经济开发区新建人才公寓200套。", "420303",
                 [("西城经济开发区", "西城经济开发区", "zone", "张湾区")], id="named-zone-of-the-subject"),
    pytest.param("武汉光谷科技城集聚人才3万名。", "420000",
                 [("武汉光谷科技城", "武汉光谷科技城", "zone", "武汉市")], id="zone-with-a-name-after-the-division"),
    pytest.param("全力建设公园城市示范区和新发展理念示范区。", "510100", [], id="generic-zone-phrases"),
    pytest.param("高标准建设临空经济示范区。", "450100",
                 [("临空经济示范区", "临空经济示范区", "zone", "南宁市")], id="zone-name-jieba-cuts-into-characters"),
    pytest.param("选派干部到东部新城一线。", "450100", [("东部新城", "东部新城", "zone", "南宁市")],
                 id="city-quarter-new-town"),
    pytest.param("推进东部地区的新区建设和在建示范区验收。", "450100", [("东部地区", "东部地区", "macro", None)],
                 id="particles-and-quarters-are-not-zone-names"),
    pytest.param("加快建设西部陆海新通道枢纽城市。", "450700", [], id="a-corridor-named-after-a-direction-is-no-macro-area"),
    pytest.param("赋予建设长江流域生态保护先行区的使命，融入长江经济带发展。", "510000",
                 [("长江经济带", "长江经济带", "macro", None)], id="macro-area-inside-a-designation-is-the-title"),
    pytest.param("为谱写壮美广西钦州篇章、建设山西大同新样板提供保证。", "450700",
                 [("广西", "广西壮族自治区", "province", None), ("钦州", "钦州市", "prefecture", "广西壮族自治区"),
                  ("山西", "山西省", "province", None), ("大同", "大同市", "prefecture", "山西省")],
                 id="province-and-city-jieba-writes-as-one-word"),
    pytest.param("赴欧洲、东南亚开展海外引才。", "360900",
                 [("欧洲", "欧洲", "foreign", None), ("东南亚", "东南亚", "foreign", None)], id="foreign-areas"),
    pytest.param("北疆大地人才汇聚。", "150200", [("北疆", "内蒙古自治区", "province", None)],
                 id="epithet-of-subject-province"),
    pytest.param("镇党委组织党员到锦西村开展志愿服务。", "321012-丁伙镇",
                 [("锦西村", "锦西村", "village", "丁伙镇")], id="village-of-a-township-subject"),
]

# a place name inside another name is no mention; an organ named after its jurisdiction is one
INSIDE_NAMES = [
    pytest.param("组织党员赴剑阁红军纪念馆开展主题党日。", "510800", [], id="memorial-hall"),
    pytest.param("推动尧都人才科创中心挂牌运行。", "141002", [], id="centre"),
    pytest.param("举办首届尧都人才周和尧都音乐节。", "141002", [], id="events-named-after-the-place"),
    pytest.param("在扬州村政学院举办培训班。", "321000", [], id="college-name-of-single-characters"),
    pytest.param("四川日报、四川电视台先后报道相关做法。", "510800", [], id="newspaper-and-television"),
    pytest.param("与成都银行签订战略合作协议。", "510800", [], id="bank"),
    pytest.param("举办首届广元人才交流会和剑门关论坛。", "510800", [], id="events"),
    pytest.param("组织党员赴苍溪革命纪念馆参观学习。", "510800", [], id="verbal-noun-before-the-head-word"),
    pytest.param("服务保障成都大运会，运营广元人力资源产业园。", "510800", [], id="sports-event-and-park"),
    pytest.param("深入实施苍溪英才工程和剑阁人才计划。", "510800", [], id="unquoted-programme-names"),
    pytest.param("筹建广元（成都）人才创新中心。", "510800", [("广元", "广元市", "prefecture", "四川省")],
                 id="place-in-brackets-inside-a-name"),
    pytest.param("市领导到北京调研清华大学。", "110000", [("北京", "北京市", "province", None)],
                 id="verbal-noun-before-another-name"),
    pytest.param("带队赴深圳考察南方科技大学。", "510800", [("深圳", "深圳市", "prefecture", "广东省")],
                 id="place-before-a-verb-then-an-institution"),
    pytest.param("广元市委组织部、苍溪县人社局联合开展培训。", "510800",
                 [("广元市", "广元市", "prefecture", "四川省"), ("苍溪县", "苍溪县", "county", "广元市")],
                 id="organs-named-after-their-jurisdiction"),
    pytest.param("深入实施“智汇广元”人才工程，制定《广元市人才发展规划》。", "510800", [],
                 id="quoted-programme-and-document-names"),
    pytest.param("开展“广元•成都”干部双向挂职。", "510800",
                 [("广元", "广元市", "prefecture", "四川省"), ("成都", "成都市", "prefecture", "四川省")],
                 id="quote-listing-only-places"),
    pytest.param("干部群众都说“苍溪变化太大了”。", "510800", [("苍溪", "苍溪县", "county", "广元市")],
                 id="quoted-saying"),
]

# designations a region holds are not zones; free trade zones and their areas are
ZONES = [
    pytest.param("高标准建设毕节示范区。", "520500", [("毕节", "毕节市", "prefecture", "贵州省")],
                 id="designation-of-a-prefecture"),
    pytest.param("全力打造共同富裕先行试验区和数字经济创新发展试验区。", "330000", [], id="generic-designations"),
    pytest.param("中国（四川）自由贸易试验区川南临港片区新设党组织5个。", "510500",
                 [("中国（四川）自由贸易试验区", "中国（四川）自由贸易试验区", "zone", "四川省"),
                  ("川南临港片区", "川南临港片区", "zone", "中国（四川）自由贸易试验区")],
                 id="bracketed-free-trade-zone-and-its-area"),
    pytest.param("四川自贸试验区川南临港片区新设党组织5个。", "510500",
                 [("四川自贸试验区", "四川自贸试验区", "zone", "四川省"),
                  ("川南临港片区", "川南临港片区", "zone", "四川自贸试验区")], id="free-trade-zone-after-province"),
    pytest.param("推进全县乡村片区建设。", "510500", [], id="area-of-villages-is-no-zone"),
    pytest.param("在南宁规划建设中国—东盟科技城。", "450100",
                 [("南宁", "南宁市", "prefecture", "广西壮族自治区"), ("中国—东盟科技城", "中国—东盟科技城", "zone", "南宁市")],
                 id="zone-named-by-places-joined-with-a-dash"),
    pytest.param("伊滨科技城新引进创新团队12个。", "410300", [("伊滨科技城", "伊滨科技城", "zone", "洛阳市")],
                 id="zone-name-of-two-place-characters"),
    pytest.param("怀柔科学城集聚科研人员2万名。", "110000", [("怀柔科学城", "怀柔科学城", "zone", "怀柔区")],
                 id="science-city-after-its-district"),
    pytest.param("推动全市工业园区和千亿级工业园区提档升级。", "320500", [], id="generic-industrial-parks"),
    pytest.param("承办江西省第三届党务技能大赛和首届宜春人才大会。", "360900", [], id="place-before-an-edition-of-an-event"),
    pytest.param("第六届中国•河南招才引智创新发展大会在洛阳开幕。", "410300", [("洛阳", "洛阳市", "prefecture", "河南省")],
                 id="place-in-an-event-title-after-china"),
    pytest.param("郑州市委人才工作大会部署人才强市战略。", "410100", [("郑州市", "郑州市", "prefecture", "河南省")],
                 id="a-committee-s-meeting-names-the-place"),
    pytest.param("推动蒙东人才科创园和宁波人才创业园建设。", "150400", [], id="parks-named-after-a-place"),
]

# macro areas written with 地区; villages written bare after their prefecture; townships by their new names
AREAS_AND_VILLAGES = [
    pytest.param("主动对接西北地区和中部地区人才资源。", "610000",
                 [("西北地区", "西北地区", "macro", None), ("中部地区", "中部地区", "macro", None)],
                 id="macro-areas-with-diqu"),
    pytest.param("分批选派年轻干部赴沪苏浙地区跟班学习。", "340400", [("沪苏浙地区", "沪苏浙", "macro", None)],
                 id="province-run-with-diqu"),
    pytest.param("主动融入郑州都市圈建设，对接关中平原城市群和西安都市圈。", "410100",
                 [("郑州都市圈", "郑州都市圈", "macro", None), ("西安都市圈", "西安都市圈", "macro", None)],
                 id="metropolitan-areas-named-after-a-city"),
    pytest.param("与川东北地区和苏北各市开展干部人才交流。", "511600",
                 [("川东北地区", "川东北", "macro", None), ("苏北", "苏北", "macro", None)],
                 id="areas-inside-a-province-from-the-table"),
    pytest.param("后岸、岩下潘、鹊鸣坞等乡村成为共富样板。", "331000",
                 [("后岸", "后岸村", "village", "街头镇"), ("岩下潘", "岩下潘村", "village", "横渡镇"),
                  ("鹊鸣坞", "鹊鸣坞村", "village", "台州市")],
                 id="unlisted-village-listed-with-known-ones"),
    pytest.param("选派干部到临汾卓里蹲点。", "141000",
                 [("临汾", "临汾市", "prefecture", "山西省"), ("卓里", "卓里村", "village", "一平垣乡")],
                 id="village-without-suffix-after-prefecture"),
    pytest.param("在广元南阳建成红色教育基地。", "510800", [("广元", "广元市", "prefecture", "四川省")],
                 id="name-after-prefecture-not-a-city-elsewhere-nor-a-shared-village-name"),
    pytest.param("奉化区金峨村建成共富工坊。", "330000",
                 [("奉化区", "奉化区", "county", "宁波市"), ("金峨村", "金峨村", "village", "西坞街道")],
                 id="village-name-the-province-repeats-is-the-named-county-s"),
    pytest.param("管城区南曹街道新建党群服务中心12个。", "410100",
                 [("管城区", "管城回族区", "county", "郑州市"), ("南曹街道", "南曹乡", "township", "管城回族区")],
                 id="township-turned-street"),
    pytest.param("组织干部赴锦溪镇学习古镇治理经验。", "320100", [("锦溪镇", "锦溪镇", "township", "昆山市")],
                 id="township-of-the-province-with-its-county-unnamed"),
    pytest.param("全省在震泽镇召开现场会，城关镇、幸福乡同步推进。", "320000", [("震泽镇", "震泽镇", "township", "吴江区")],
                 id="township-jieba-knows-as-one-word"),
    pytest.param("尧都区望岳街道卓里村建成议事厅。", "141002",
                 [("尧都区", "尧都区", "county", "临汾市"), ("望岳街道", "望岳街道", "township", "尧都区"),
                  ("卓里村", "卓里村", "village", "一平垣乡")], id="township-the-gazetteer-lacks-in-an-address"),
    pytest.param("发放河洛英才卡500张，河洛大地英才汇聚。", "410300",
                 [("河洛", "洛阳市", "prefecture", "河南省"), ("河洛", "洛阳市", "prefecture", "河南省")],
                 id="no-bare-village-after-an-epithet"),
    pytest.param("建成亚洲最大的风电基地，汴梁大地人才辈出。", "410200",
                 [("亚洲", "亚洲", "foreign", None), ("汴梁", "开封市", "prefecture", "河南省")],
                 id="continent-and-city-epithet"),
    pytest.param("吴忠市红寺堡镇组织党员开展志愿服务。", "640300",
                 [("吴忠市", "吴忠市", "prefecture", "宁夏回族自治区"), ("红寺堡镇", "红寺堡镇", "township", "红寺堡区")],
                 id="township-jionlp-names-with-its-county"),
    pytest.param("全县在桃洪镇、司门前镇、荷田乡等地开展试点。", "430524",
                 [("桃洪镇", "桃洪镇", "township", "隆回县"), ("司门前镇", "司门前镇", "township", "隆回县"),
                  ("荷田乡", "荷田乡", "township", "隆回县")], id="unlisted-township-listed-with-known-ones"),
    pytest.param("选派干部驻守大湾村、石门村、竹林村等6个村。", "430524",
                 [("大湾村", "大湾村", "village", "隆回县"), ("石门村", "石门村", "village", "隆回县"),
                  ("竹林村", "竹林村", "village", "隆回县")], id="villages-in-a-list-closed-by-their-count"),
    pytest.param("驻守大湾村、石门村等村开展帮扶，发展村、幸福村等3个村完成整改。", "430524", [],
                 id="no-villages-in-an-uncounted-list-nor-words-before-a-count"),
    pytest.param("在桃洪镇、罗洪乡交流，干部赴新镇、城关镇学习。", "430524",
                 [("桃洪镇", "桃洪镇", "township", "隆回县"), ("罗洪乡", "罗洪镇", "township", "隆回县")],
                 id="township-listed-with-a-renamed-one-but-no-word-before-a-suffix"),
    pytest.param("组织党员赴井冈山、延安、遵义等地接受革命传统教育。", "430524",
                 [("井冈山", "井冈山市", "county", "吉安市"), ("延安", "延安市", "prefecture", "陕西省"),
                  ("遵义", "遵义市", "prefecture", "贵州省")], id="county-short-form-listed-before-other-places"),
    pytest.param("紧扣西部(重庆)科学城九龙坡片区建设，服务西部（重庆）科学城。", "500107",
                 [("西部(重庆)科学城", "西部（重庆）科学城", "zone", "重庆市"),
                  ("九龙坡片区", "九龙坡片区", "zone", "西部（重庆）科学城"),
                  ("西部（重庆）科学城", "西部（重庆）科学城", "zone", "重庆市")],
                 id="zone-named-with-its-city-in-brackets-and-its-area"),
    pytest.param("推动襄十随神城市群、宜荆荆都市圈和汉江生态经济带建设，组织党员赴大别山革命老区开展教育。", "420000",
                 [("襄十随神城市群", "襄十随神城市群", "macro", None), ("宜荆荆都市圈", "宜荆荆都市圈", "macro", None),
                  ("汉江生态经济带", "汉江生态经济带", "macro", None), ("大别山革命老区", "大别山革命老区", "macro", None)],
                 id="named-regional-strategy-areas-from-the-table"),
    pytest.param("洪德镇李家村、曲子镇王河村、山城乡东湾村等6个村完成整改。", "621022",
                 [("洪德镇", "洪德镇", "township", "环县"), ("李家村", "李家村", "village", "环县"),
                  ("曲子镇", "曲子镇", "township", "环县"), ("王河村", "王河村", "village", "环县"),
                  ("山城乡", "山城乡", "township", "环县"), ("东湾村", "东湾村", "village", "环县")],
                 id="villages-listed-after-their-townships-and-closed-by-a-count"),
    pytest.param("在山城乡、甜水镇开展试点，干部赴铜川照金接受教育。", "621022",
                 [("山城乡", "山城乡", "township", "环县"), ("甜水镇", "甜水镇", "township", "环县"),
                  ("铜川", "铜川市", "prefecture", "陕西省"), ("照金", "照金镇", "township", "耀州区")],
                 id="townships-listed-together-and-a-bare-township-after-its-prefecture-not-its-village"),
    pytest.param("田林街道田林十二村社区建成睦邻中心，在徐汇滨江沿线建设党群服务站。", "310104",
                 [("田林街道", "田林街道", "township", "徐汇区"), ("田林十二村社区", "田林十二村", "village", "田林街道"),
                  ("徐汇", "徐汇区", "county", "上海市")],
                 id="a-community-named-after-its-old-village-and-an-area-along-a-bank"),
    pytest.param("以北部生态新区、东部新城为主阵地。", "450200",
                 [("北部生态新区", "北部生态新区", "zone", "柳州市"), ("东部新城", "东部新城", "zone", "柳州市")],
                 id="a-city-quarter-s-new-district-with-a-modifier"),
    pytest.param("鼎城区谢家铺镇港中坪村领办合作社，依托黎城县黄崖洞兵工厂旧址开展教育。", "430700",
                 [("鼎城区", "鼎城区", "county", "常德市"), ("谢家铺镇", "谢家铺镇", "township", "鼎城区"),
                  ("港中坪村", "港中坪村", "village", "谢家铺镇")],
                 id="a-village-ending-an-address-and-no-place-inside-a-memorial-site-s-name"),
]


@pytest.mark.parametrize("text, about, expected", CASES + INSIDE_NAMES + ZONES + AREAS_AND_VILLAGES)
def test_mentions(finder, text, about, expected):
    assert _found(finder, text, about) == expected


SUBJECTS = [
    pytest.param("新时代遵义组织工作综述", "prefecture", "", ("遵义市", "520300"), id="prefecture-short"),
    pytest.param("党的十八大以来大理州组织工作综述", "prefecture", "", ("大理白族自治州", "532900"),
                 id="autonomous-prefecture"),
    pytest.param("新时代十年西藏组织工作综述", "province", "", ("西藏自治区", "540000"), id="province-short"),
    pytest.param("新时代江都组织工作综述", "county", "", ("江都区", "321012"), id="county-short"),
    pytest.param("新时代鼓楼组织工作综述", "county", "福州市委坚持……", ("鼓楼区", "350102"),
                 id="repeated-county-settled-by-text"),
    pytest.param("新时代长沙湘江新区组织工作综述", "prefecture", "", ("长沙市", "430100"),
                 id="first-region-at-level"),
    pytest.param("新时代吉林组织工作综述", "prefecture", "", ("吉林市", "220200"), id="prefecture-named-like-province"),
    pytest.param("新时代吉林组织工作综述", "province", "", ("吉林省", "220000"), id="province-named-like-prefecture"),
    pytest.param("海淀区组织工作综述", None, "", ("海淀区", "110108"), id="no-level"),
    pytest.param("中共四川省广元市旺苍县委组织部2023年工作总结", None, "", ("旺苍县", "510821"),
                 id="no-level-most-specific-division"),
    pytest.param("关于鹤壁市人才工作情况的汇报", None, "", ("鹤壁市", "410600"), id="no-level-report-title"),
    pytest.param("中共苍溪县委组织部2023年工作总结", None, "", ("苍溪县", "510824"), id="no-level-county-committee"),
    pytest.param("丁伙镇2023年党建工作汇报", None, "镇党委在江都区委领导下开展工作。", ("丁伙镇", None),
                 id="no-level-township-found-through-text"),
    pytest.param("扬州市江都区丁伙镇党建工作汇报", None, "", ("丁伙镇", None), id="no-level-township-in-title"),
    pytest.param("2023年鼓楼区组织工作总结", None, "福州市委坚持……", ("鼓楼区", "350102"),
                 id="no-level-repeated-name-settled-by-text"),
    pytest.param("2023年度组织工作总结", None, "全区党员……尧都区委扎实推进……尧都区", ("尧都区", "141002"),
                 id="no-region-in-title"),
    pytest.param("关于赴浙江考察学习情况的报告", "county", "宁波市鄞州区", ("浙江省", "330000"),
                 id="title-without-region-at-level"),
]


@pytest.mark.parametrize("title, level, text, expected", SUBJECTS)
def test_subject(finder, title, level, text, expected):
    region = finder.subject(title, level, title + "\n" + text)
    assert (region.name, region.code) == expected


REPORTS = Path(__file__).resolve().parent / "data" / "regions"

# invented reports in other layouts (blank lines, no indents, （一）/一是/1. headings, report titles, a chronicle)
FIXTURES = [
    pytest.param("county-work-summary.txt", "旺苍县",
                 {"四川省", "广元市", "旺苍县", "苍溪县", "剑阁县", "东河镇", "南峰村", "嘉川镇", "浙江省", "湖州市",
                  "长三角", "成都市", "德国"}, id="county-work-summary"),
    pytest.param("talent-report.txt", "宜春市",
                 {"宜春市", "深圳市", "上海市", "高安市", "樟树市", "宜春经济开发区", "袁州区", "粤港澳大湾区",
                  "长江经济带", "东南亚", "欧洲"}, id="talent-report"),
    pytest.param("county-chronicle.txt", "江都区",
                 {"扬州市", "江都区", "丁伙镇", "丁伙村", "锦西村", "苏州工业园区", "苏州市", "德国", "日本", "江都经济开发区",
                  "沪苏浙", "锦溪镇"}, id="chronicle-half-width-punctuation-places-inside-names-left-out"),
    pytest.param("town-report.txt", "丁伙镇",
                 {"丁伙镇", "江都区", "丁伙村", "锦西村", "高桥村", "苏州市", "无锡市", "扬州市"}, id="town-report"),
]


@pytest.mark.parametrize("name, subject, regions", FIXTURES)
def test_reports_in_other_layouts(name, subject, regions):
    (article,) = read_corpus(REPORTS / name)
    article = Pipeline(["regions"])(article)
    assert article.level is None and article.subject.name == subject
    assert {m.region.name for m in article.regions} == regions


def test_component_fills_mentions_with_sentences(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("新时代江都组织工作综述\n\u3000\u3000江都区选派干部到扬州市挂职。全区新建党支部8个。"
                    "\n\u3000\u3000与丁伙镇联合培训。\n", encoding="utf-8")
    (article,) = read_corpus(path)
    article = Pipeline(["regions"])(article)
    assert article.subject.name == "江都区"
    found = [(m.surface, m.region.name, m.sentence) for m in article.regions]
    assert found == [("江都", "江都区", 0), ("江都区", "江都区", 1), ("扬州市", "扬州市", 1), ("丁伙镇", "丁伙镇", 3)]
    assert all(article.text[m.start:m.end] == m.surface for m in article.regions)


def test_real_corpus_subjects_and_mentions(corpus_articles):
    """Every article gets a subject at its table-of-contents level, named in its title."""
    forms = {}
    for form, names in packaged().gazetteer.names.items():
        for name in names:
            forms.setdefault(name.region.key, set()).add(form)
    for article in corpus_articles:
        subject = article.subject
        assert subject is not None and subject.level == article.level, article.title
        assert any(form in article.title for form in forms[subject.key]), article.title
        assert subject.chain()[-1].level == "province" and subject.code, article.title
    mentions = [m for a in corpus_articles for m in a.regions]
    assert len(mentions) > 700
    assert all(a.text[m.start:m.end] == m.surface for a in corpus_articles for m in a.regions)
    for m in mentions:
        if m.region.level in DIVISION_LEVELS:
            assert m.region.code and m.region.chain()[-1].level == "province", m
    surfaces = {m.surface for m in mentions}
    assert not surfaces & {"中国", "全国", "全省", "全市", "中华", "社区", "农村", "城区"}
    # most articles also name their own region in the body, not just in the title
    own = sum(any(m.region == a.subject and m.sentence > 0 for m in a.regions) for a in corpus_articles)
    assert own >= 0.9 * len(corpus_articles)
