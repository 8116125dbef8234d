#!/usr/bin/env python3
"""Writes the labelled synthetic set of related cases (并案): seeds/related-cases/complaints.jsonl and labels.csv.

Deterministic (fixed seed): running it again gives the same files byte for byte. Nothing in it is real: names, phone
numbers, identity numbers, credit codes and businesses are made up (identity and credit codes carry valid check
characters so that they look like the real thing to a validator).

What it makes (see seeds/related-cases/README.md):
  - base complaints: one consumer, one business, one purchase each;
  - DUPLICATE pairs: the same dispute filed again with another authority, written the way that authority writes it
    (Traditional characters in Hong Kong and Macao filings, full-width digits, +86 / 0086 / spaces in phone numbers,
    有限公司 vs 有限责任公司, Co., Ltd. vs Company Limited, addresses without province or 市/区, identity number left
    out or written otherwise, the purchase date a day or two off, the amount written 2399 or 2399.00); some disputes
    are filed three times (three pairs);
  - hard duplicates the detector cannot all find: the consumer gave another phone and no identity number, half of
    them with the name misspelt by a homophone;
  - hard negatives, labelled with what makes them hard: the same respondent and purchase day but another consumer
    (some with the same name), the same consumer against another business, a family member giving the same phone
    about another purchase, the same consumer and business with purchases months apart, or weeks apart for another
    amount, or a namesake buying the same thing the same day without an identity number.

Usage: generate.py            (writes into seeds/related-cases/)
"""
import csv
import datetime as dt
import json
import os
import random

SEED = 20261129
OUT_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "related-cases"))

BASE_COMPLAINTS = 1650
DUPLICATES = 330
TRIPLES = 15
HARD_NEGATIVES = {
    "SAME_RESPONDENT_OTHER_CONSUMER": 60,
    "SAME_RESPONDENT_NAMESAKE_CONSUMER": 30,
    "SAME_CONSUMER_OTHER_RESPONDENT": 90,
    "FAMILY_PHONE_OTHER_PURCHASE": 90,
    "SAME_PARTIES_MONTHS_APART": 90,
    "SAME_PARTIES_OTHER_PURCHASE": 45,
    "NAMESAKE_SAME_PURCHASE_NO_ID": 8,
}
HARD_DUPLICATES = 20
HOMOPHONES = {"华": "桦", "伟": "玮", "芳": "方", "静": "婧", "丽": "莉", "强": "蔷", "军": "君", "杰": "洁", "明": "铭",
              "涛": "滔", "红": "虹", "玲": "琳", "婷": "亭", "敏": "民", "英": "莹", "霞": "侠", "平": "萍"}

# Simplified -> Traditional for the characters below (OpenCC STCharacters, Hong Kong forms where they differ: 艷, 裏);
# surnames 于, 余 and 范 are written the same in Traditional and left out.
TRADITIONAL = dict(zip(
    "张刘陈杨黄赵吴孙马罗郑谢许邓冯韩萧叶蒋苏吕卢钟谭陆韦贾邹龙贺顾龚万钱严汤伟静丽强军艳杰涛刚华晓红兰国辉轩阳鹏飞东颖荣锦凤"
    "广门庆尔滨区县号厦场楼层铺购数码电饰宝咨询车销务讯设备婴镜贸网络责舰达润鸿运绣恒联丰汇乐优岗云禅顺里湾铜锣体环纪学园",
    "張劉陳楊黃趙吳孫馬羅鄭謝許鄧馮韓蕭葉蔣蘇呂盧鍾譚陸韋賈鄒龍賀顧龔萬錢嚴湯偉靜麗強軍艷傑濤剛華曉紅蘭國輝軒陽鵬飛東穎榮錦鳳"
    "廣門慶爾濱區縣號廈場樓層鋪購數碼電飾寶諮詢車銷務訊設備嬰鏡貿網絡責艦達潤鴻運繡恆聯豐匯樂優崗雲禪順裏灣銅鑼體環紀學園"))

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢"
                "傅钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛段雷龙黎史陶贺毛郝顾龚邵万武钱戴严莫孔向常汤")
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超霞平刚桂华晓红玉兰志建国文辉佳怡欣婷雪琳浩宇轩晨阳鹏飞俊海龙东春梅燕玲慧颖嘉振荣锦淑凤")
HK_SURNAMES = [("陈", "Chan"), ("黄", "Wong"), ("李", "Lee"), ("张", "Cheung"), ("刘", "Lau"), ("林", "Lam"),
               ("吴", "Ng"), ("何", "Ho"), ("郑", "Cheng"), ("梁", "Leung"), ("谢", "Tse"), ("邓", "Tang")]
HK_GIVEN = [("志强", "Chi Keung"), ("嘉欣", "Ka Yan"), ("俊杰", "Chun Kit"), ("美玲", "Mei Ling"), ("家豪", "Ka Ho"),
            ("咏诗", "Wing Sze"), ("伟明", "Wai Ming"), ("丽华", "Lai Wah"), ("国辉", "Kwok Fai"), ("慧敏", "Wai Man")]

# Mainland partners with the places their businesses are in: (partner, province, city, districts with GB/T 2260 codes).
MAINLAND = [
    ("SZ", "广东省", "深圳市", [("南山区", "440305"), ("福田区", "440304"), ("罗湖区", "440303"), ("宝安区", "440306")]),
    ("GZ", "广东省", "广州市", [("天河区", "440106"), ("越秀区", "440104"), ("海珠区", "440105"), ("番禺区", "440113")]),
    ("ZH", "广东省", "珠海市", [("香洲区", "440402")]),
    ("FS", "广东省", "佛山市", [("禅城区", "440604"), ("顺德区", "440606")]),
    ("DG", "广东省", "东莞市", [("莞城", "441900")]),
    ("SH", "上海市", "", [("浦东新区", "310115"), ("徐汇区", "310104"), ("静安区", "310106"), ("黄浦区", "310101")]),
    ("JS", "江苏省", "南京市", [("玄武区", "320102"), ("鼓楼区", "320106")]),
    ("ZJ", "浙江省", "杭州市", [("西湖区", "330106"), ("滨江区", "330108")]),
    ("AH", "安徽省", "合肥市", [("包河区", "340111"), ("蜀山区", "340104")]),
    ("HL", "黑龙江省", "哈尔滨市", [("道里区", "230102"), ("南岗区", "230103")]),
]
HKMO = [
    ("HK", "香港", [("油尖旺区", "810000"), ("湾仔区", "810000"), ("沙田区", "810000")]),
    ("MO", "澳门", [("花地玛堂区", "820000")]),
]
CONSUMER_PARTNERS = ["GZ", "SZ", "ZH", "FS", "JM", "ZQ", "HZ", "DG", "ZS", "SH", "JS", "ZJ", "AH", "HL", "N12315"]
BRANDS = list(dict.fromkeys(["海岸", "浦江", "星河", "宏达", "金辉", "华润", "盛世", "鸿运", "锦绣", "恒通", "新天地", "百联",
                             "万佳", "泰丰", "永安", "汇丰", "信达", "利源", "瑞祥", "东方", "明珠", "天虹", "美嘉", "乐购",
                             "优品", "华星", "博雅", "嘉禾", "康乐", "正大", "安信", "宝丰", "佳美", "鑫源", "联创", "同创"]))
TRADES = ["数码科技", "电器", "家具", "服饰", "珠宝", "食品", "健身服务", "教育咨询", "旅行社", "美容", "汽车销售服务",
          "通讯设备", "母婴用品", "眼镜", "酒店管理", "贸易", "网络科技", "生活超市"]
TRADE_EN = {"数码科技": "Digital", "电器": "Electrical Appliances", "家具": "Furniture", "服饰": "Fashion",
            "珠宝": "Jewellery", "食品": "Foods", "健身服务": "Fitness", "教育咨询": "Education", "旅行社": "Travel",
            "美容": "Beauty", "汽车销售服务": "Motors", "通讯设备": "Mobile", "母婴用品": "Baby Supplies",
            "眼镜": "Optical", "酒店管理": "Hotel Management", "贸易": "Trading", "网络科技": "Network",
            "生活超市": "Supermarket"}
BRAND_EN = ["Harbour", "Pearl", "Star River", "Golden", "Grand", "Prosper", "Evergreen", "Orient", "Victory",
            "Lucky", "Union", "Summit"]
STREETS = ["文心五路", "深南大道", "建设路", "体育西路", "人民路", "解放路", "中山路", "滨河大道", "世纪大道", "学府路",
           "花园街", "环城北路", "弥敦道", "轩尼诗道", "皇后大道", "新马路"]
PLATFORMS = ["优品商城", "乐购网", "星河优选"]
PRICES = ["59.00", "99.00", "128.00", "199.00", "268.00", "299.00", "459.00", "599.00", "899.00", "1299.00",
          "1599.00", "2399.00", "2999.00", "3299.00", "4599.00", "6888.00", "8999.50", "12800.00", "15600.00"]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def traditional(text):
    return "".join(TRADITIONAL.get(c, c) for c in text)


def full_width_digits(text):
    return "".join(chr(ord(c) - ord("0") + ord("０")) if c.isdigit() else c for c in text)


def uscc(rng, division):
    body = "91" + division + "".join(rng.choice(USCC_CHARS) for _ in range(9))
    total = sum(USCC_CHARS.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + USCC_CHARS[(31 - total % 31) % 31]


def mainland_id(rng, birth_year):
    body = "440305" + f"{birth_year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + f"{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    return body + check


def hk_id(rng):
    return f"{rng.choice('ACDEGHKMPRVYZ')}{rng.randint(100000, 999999)}({rng.randint(0, 9)})"


class Generator:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.complaints = []
        self.labels = []
        self.used_names = {}

    # --- the world: persons, families, businesses -------------------------------------------------------------------
    def person(self, region="CN"):
        rng = self.rng
        if region == "CN":
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
            phone = "1" + rng.choice("3456789") + f"{rng.randint(0, 999999999):09d}"
            id_number = mainland_id(rng, rng.randint(1955, 2004))
            home = rng.choice(CONSUMER_PARTNERS)
        else:
            surname, surname_en = rng.choice(HK_SURNAMES)
            given, given_en = rng.choice(HK_GIVEN)
            latin = rng.random() < 0.3
            name = f"{surname_en.upper()} {given_en}" if latin else surname + given
            prefix = "9" if region == "HK" else "6"
            phone = prefix + f"{rng.randint(0, 9999999):07d}"
            id_number = hk_id(rng)
            home = region
        return {"name": name, "phone": phone, "id": id_number, "region": region, "home": home}

    def namesake(self, person):
        other = self.person(person["region"])
        other["name"] = person["name"]
        return other

    def business(self):
        rng = self.rng
        if rng.random() < 0.15:
            partner, place, districts = rng.choice(HKMO)
            district, division = rng.choice(districts)
            brand_en, trade = rng.choice(BRAND_EN), rng.choice(TRADES)
            chinese = rng.random() < 0.5
            name = (rng.choice(BRANDS) + trade + "有限公司") if chinese else f"{brand_en} {TRADE_EN[trade]} Co., Ltd."
            return {"name": name, "registrationNumber": f"{rng.randint(10000000, 99999999)}",
                    "address": f"{place}{district}{rng.choice(STREETS[-4:])}{rng.randint(1, 300)}号",
                    "divisionCode": division, "partner": partner, "province": "", "city": place, "district": district,
                    "trade": trade, "brand": brand_en if not chinese else name[:2], "chinese": chinese}
        partner, province, city, districts = rng.choice(MAINLAND)
        district, division = rng.choice(districts)
        brand, trade = rng.choice(BRANDS), rng.choice(TRADES)
        form = rng.choice(["有限公司", "有限公司", "有限责任公司", "股份有限公司"])
        city_name = (city or province)[:-1]
        return {"name": f"{city_name}{brand}{trade}{form}", "creditCode": uscc(rng, division),
                "address": f"{province}{city}{district}{rng.choice(STREETS[:-4])}{rng.randint(1, 300)}号"
                           f"{rng.choice(['', '', '一楼', '三楼', 'B1层'])}",
                "divisionCode": division, "partner": partner, "province": province, "city": city,
                "district": district, "trade": trade, "brand": brand, "chinese": True}

    # --- complaints -------------------------------------------------------------------------------------------------
    def purchase(self, business, date=None, amount=None):
        rng = self.rng
        online = rng.random() < 0.45
        if date is None:
            date = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        store = None
        platform = None
        if online:
            if rng.random() < 0.5:
                platform = rng.choice(PLATFORMS)
            else:
                store = f"{business['brand']}官方旗舰店"
        else:
            store = f"{business['brand']}{business['district'][:2]}店"
        return {"channel": "ONLINE" if online else "OFFLINE", "platform": platform, "store": store,
                "date": date.isoformat(), "amount": amount or rng.choice(PRICES), "currency":
                    "HKD" if business["partner"] == "HK" else "MOP" if business["partner"] == "MO" else "CNY"}

    def received(self, purchase_date, after=(1, 25)):
        rng = self.rng
        day = dt.date.fromisoformat(purchase_date) + dt.timedelta(days=rng.randint(*after))
        return dt.datetime(day.year, day.month, day.day, rng.randint(8, 18), rng.randint(0, 59),
                           tzinfo=dt.timezone(dt.timedelta(hours=8)))

    def add(self, partner, received_at, person, business, purchase, written=lambda field, value: value):
        ref = f"GW-REL-{len(self.complaints) + 1:05d}"
        respondent = {"name": written("respondentName", business["name"])}
        if "creditCode" in business:
            respondent["creditCode"] = business["creditCode"]
        else:
            respondent["registrationNumber"] = business["registrationNumber"]
        respondent["address"] = written("address", business["address"])
        respondent["divisionCode"] = business["divisionCode"]
        complainant = {"name": written("name", person["name"]), "phone": written("phone", person["phone"])}
        id_number = written("idNumber", person["id"])
        if id_number:
            complainant["idNumber"] = id_number
        store = dict(purchase)
        store["store"] = written("store", purchase["store"]) if purchase["store"] else None
        store["amount"] = written("amount", purchase["amount"])
        self.complaints.append({"ref": ref, "partner": partner, "receivedAt": received_at.isoformat(),
                                "complainant": complainant, "respondent": respondent,
                                "purchase": {k: v for k, v in store.items() if v is not None}})
        return ref

    def plain(self, partner):
        """How a filing authority writes what the consumer told it, apart from deliberate variations."""
        hkmo = partner in ("HK", "MO")

        def written(field, value):
            if value is None:
                return None
            if hkmo and field in ("name", "respondentName", "address", "store"):
                return traditional(value)
            if hkmo and field == "phone" and len(value) == 11:
                return "+86 " + value
            return value
        return written

    def variant(self, partner, person, business):
        """A second filing written differently: returns (writer, what differs)."""
        rng = self.rng
        hkmo = partner in ("HK", "MO")
        changes = []
        choices = {
            "phone": rng.random() < 0.7, "name": rng.random() < 0.3, "idNumber": rng.random() < 0.5,
            "respondentName": rng.random() < 0.6, "address": rng.random() < 0.6, "store": rng.random() < 0.3,
            "amount": rng.random() < 0.4, "full_width": rng.random() < 0.15,
        }

        def phone(value):
            if len(value) == 11:
                return rng.choice([f"+86 {value[:3]} {value[3:7]} {value[7:]}", f"0086-{value}", f"+86{value}",
                                   f"{value[:3]}-{value[3:7]}-{value[7:]}", f"86 {value}"])
            code = "852" if person["region"] == "HK" else "853"
            return rng.choice([f"+{code} {value[:4]} {value[4:]}", f"({code}) {value}", f"{code}-{value}"])

        def company_form(name):
            for a, b in (("有限责任公司", "有限公司"), ("股份有限公司", "有限公司"), ("有限公司", "有限责任公司")):
                if name.endswith(a):
                    return name[:-len(a)] + b
            if name.endswith("Co., Ltd."):
                return name[:-len("Co., Ltd.")] + rng.choice(["Company Limited", "Co. Ltd", "Limited"])
            return name

        def address(value):
            shortened = value
            if business["province"] and shortened.startswith(business["province"]) and business["city"]:
                shortened = shortened[len(business["province"]):]
            return shortened.replace("市", "", 1) if rng.random() < 0.5 else shortened

        def written(field, value):
            if value is None:
                return None
            out = value
            if field == "phone" and (choices["phone"] or (len(value) == 8 and not hkmo)):
                # A mainland intake form asks a Hong Kong or Macao consumer for the country code.
                out = phone(value)
                changes.append("phone-format")
            elif field == "phone" and hkmo and len(value) == 11:
                out = "+86 " + value
            if field == "name" and choices["name"]:
                out = " ".join(out) if not out.isascii() else out.replace(" ", "-", 1).title()
                changes.append("name-spacing")
            if field == "idNumber":
                if choices["idNumber"]:
                    changes.append("id-missing")
                    return None
                if "(" in out and rng.random() < 0.5:
                    out = out.replace("(", "").replace(")", "")
                    changes.append("id-format")
            if field == "respondentName" and choices["respondentName"]:
                out = company_form(out)
                changes.append("company-form")
            if field == "address" and choices["address"]:
                out = address(out)
                changes.append("address-abbreviated")
            if field == "store" and choices["store"]:
                out = out.replace("店", "门店") if out.endswith("店") else out
                changes.append("store-name")
            if field == "amount" and choices["amount"]:
                out = out[:-3] if out.endswith(".00") else out + "0"
                changes.append("amount-format")
            if hkmo and field in ("name", "respondentName", "address", "store"):
                traditional_out = traditional(out)
                if traditional_out != out:
                    changes.append("traditional")
                out = traditional_out
            if choices["full_width"] and field in ("address", "phone"):
                out = full_width_digits(out)
                changes.append("full-width")
            return out
        return written, changes

    def second_filing(self, base, person, business, purchase):
        rng = self.rng
        others = [p for p in CONSUMER_PARTNERS + [business["partner"], "HK", "SZ"] if p != base["partner"]]
        if person["region"] != "CN":
            others = [p for p in (person["region"], "SZ", "GZ", business["partner"]) if p != base["partner"]]
        partner = rng.choice(others)
        if business["partner"] in ("HK", "MO") and business["partner"] != base["partner"] and rng.random() < 0.5:
            partner = business["partner"]
        written, changes = self.variant(partner, person, business)
        if (partner in ("HK", "MO")) != (base["partner"] in ("HK", "MO")):
            changes.append("traditional")
        shifted = dict(purchase)
        if rng.random() < 0.1:
            day = dt.date.fromisoformat(purchase["date"]) + dt.timedelta(days=rng.choice([-2, -1, 1, 2]))
            shifted["date"] = day.isoformat()
            changes.append("date-off")
        first = dt.datetime.fromisoformat(base["receivedAt"])
        received = first + dt.timedelta(hours=rng.randint(-72, 24 * 20))
        ref = self.add(partner, received, person, business, shifted, written)
        return ref, changes

    def build(self):
        rng = self.rng
        persons = [self.person(rng.choices(["CN", "HK", "MO"], [82, 12, 6])[0]) for _ in range(BASE_COMPLAINTS + 200)]
        families = {}
        for person in persons[BASE_COMPLAINTS:BASE_COMPLAINTS + 120]:
            relative = self.person(person["region"])
            relative["phone"] = person["phone"]
            while relative["name"] == person["name"] or (not person["name"].isascii()
                                                         and relative["name"][0] != person["name"][0]):
                relative["name"] = self.person(person["region"])["name"]
                if not person["name"].isascii():
                    relative["name"] = person["name"][0] + relative["name"][1:]
            if rng.random() < 0.5:
                relative["id"] = None
            families[person["phone"]] = relative
        businesses = []
        while len(businesses) < 260:
            business = self.business()
            if all(b["name"] != business["name"] for b in businesses):
                businesses.append(business)
        # A few businesses draw many complaints, as real ones do.
        weights = [25 if i < 12 else 1 for i in range(len(businesses))]

        base = []
        for person in persons[:BASE_COMPLAINTS]:
            business = rng.choices(businesses, weights)[0]
            purchase = self.purchase(business)
            ref = self.add(person["home"], self.received(purchase["date"]), person, business, purchase,
                           self.plain(person["home"]))
            base.append((ref, person, business, purchase))

        def pick():
            return base[rng.randrange(len(base))]

        chosen = rng.sample(range(len(base)), DUPLICATES)
        for n, index in enumerate(chosen):
            ref, person, business, purchase = base[index]
            record = self.complaints[int(ref[-5:]) - 1]
            second, changes = self.second_filing(record, person, business, purchase)
            self.labels.append((ref, second, "DUPLICATE", "+".join(dict.fromkeys(changes)) or "same-writing"))
            if n < TRIPLES:
                third, changes = self.second_filing(record, person, business, purchase)
                self.labels.append((ref, third, "DUPLICATE", "+".join(dict.fromkeys(changes)) or "same-writing"))
                self.labels.append((second, third, "DUPLICATE", "third-filing"))

        # Duplicates the detector is not expected to find all of: the consumer gave another phone and no identity
        # number, and one filing misspelt the name (a homophone) or kept it.
        unused = [i for i in range(len(base)) if i not in set(chosen)]
        for n, index in enumerate(rng.sample(unused, HARD_DUPLICATES)):
            ref, person, business, purchase = base[index]
            record = self.complaints[int(ref[-5:]) - 1]
            other = dict(person)
            other["phone"] = self.person(person["region"])["phone"]
            other["id"] = None
            variation = "other-phone+id-missing"
            if n % 2 == 0 and not person["name"].isascii():
                other["name"] = person["name"][:-1] + HOMOPHONES.get(person["name"][-1], "小")
                variation += "+name-misspelt"
            partner = rng.choice([p for p in CONSUMER_PARTNERS if p != record["partner"]])
            received = dt.datetime.fromisoformat(record["receivedAt"]) + dt.timedelta(hours=rng.randint(1, 240))
            second = self.add(partner, received, other, business, purchase, self.plain(partner))
            self.labels.append((ref, second, "DUPLICATE", variation))

        for kind, count in HARD_NEGATIVES.items():
            for _ in range(count):
                ref, person, business, purchase = pick()
                record = self.complaints[int(ref[-5:]) - 1]
                first = dt.datetime.fromisoformat(record["receivedAt"])
                if kind == "SAME_RESPONDENT_OTHER_CONSUMER":
                    other = self.person(person["region"])
                    second = self.add(other["home"], first + dt.timedelta(hours=rng.randint(1, 240)), other,
                                      business, self.purchase(business, dt.date.fromisoformat(purchase["date"]),
                                                              purchase["amount"]), self.plain(other["home"]))
                elif kind == "SAME_RESPONDENT_NAMESAKE_CONSUMER":
                    other = self.namesake(person)
                    second = self.add(other["home"], first + dt.timedelta(hours=rng.randint(1, 240)), other,
                                      business, self.purchase(business, dt.date.fromisoformat(purchase["date"]),
                                                              purchase["amount"]), self.plain(other["home"]))
                elif kind == "NAMESAKE_SAME_PURCHASE_NO_ID":
                    # A namesake buying the same thing the same day in the same store, one of them without an
                    # identity number: nothing in the contract tells them apart but the phone.
                    other = self.namesake(person)
                    other["id"] = None
                    second = self.add(other["home"], first + dt.timedelta(hours=rng.randint(1, 240)), other,
                                      business, purchase, self.plain(other["home"]))
                elif kind == "SAME_CONSUMER_OTHER_RESPONDENT":
                    other_business = rng.choice([b for b in businesses if b["name"] != business["name"]])
                    day = dt.date.fromisoformat(purchase["date"]) + dt.timedelta(days=rng.randint(-3, 3))
                    partner = rng.choice([p for p in CONSUMER_PARTNERS if p != record["partner"]])
                    written, _ = self.variant(partner, person, other_business)
                    second = self.add(partner, first + dt.timedelta(hours=rng.randint(1, 240)), person,
                                      other_business, self.purchase(other_business, day), written)
                elif kind == "FAMILY_PHONE_OTHER_PURCHASE":
                    relative = families.get(person["phone"])
                    if relative is None:
                        relative = self.person(person["region"])
                        relative["phone"] = person["phone"]
                        relative["id"] = None if rng.random() < 0.5 else relative["id"]
                        families[person["phone"]] = relative
                    day = dt.date.fromisoformat(purchase["date"]) + dt.timedelta(days=rng.randint(4, 25))
                    other_purchase = self.purchase(business, day, self.other_price(purchase["amount"]))
                    second = self.add(relative["home"], self.received(other_purchase["date"]), relative, business,
                                      other_purchase, self.plain(relative["home"]))
                elif kind == "SAME_PARTIES_MONTHS_APART":
                    day = dt.date.fromisoformat(purchase["date"]) + dt.timedelta(days=rng.choice([-1, 1])
                                                                                 * rng.randint(60, 200))
                    other_purchase = self.purchase(business, day, purchase["amount"] if rng.random() < 0.5 else None)
                    partner = rng.choice([p for p in CONSUMER_PARTNERS if p != record["partner"]])
                    written, _ = self.variant(partner, person, business)
                    second = self.add(partner, self.received(other_purchase["date"]), person, business,
                                      other_purchase, written)
                else:  # SAME_PARTIES_OTHER_PURCHASE: weeks apart, another amount
                    day = dt.date.fromisoformat(purchase["date"]) + dt.timedelta(days=rng.randint(5, 25))
                    other_purchase = self.purchase(business, day, self.other_price(purchase["amount"]))
                    second = self.add(person["home"], self.received(other_purchase["date"]), person, business,
                                      other_purchase, self.plain(person["home"]))
                self.labels.append((ref, second, "NOT_DUPLICATE", kind))

    def other_price(self, amount):
        return self.rng.choice([p for p in PRICES if p != amount])

    def write(self):
        os.makedirs(OUT_DIR, exist_ok=True)
        with open(os.path.join(OUT_DIR, "complaints.jsonl"), "w", encoding="utf-8", newline="\n") as out:
            for complaint in self.complaints:
                out.write(json.dumps(complaint, ensure_ascii=False, separators=(",", ":")) + "\n")
        with open(os.path.join(OUT_DIR, "labels.csv"), "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["a", "b", "label", "variation"])
            writer.writerows(self.labels)
        duplicates = sum(1 for label in self.labels if label[2] == "DUPLICATE")
        print(f"{len(self.complaints)} complaints, {duplicates} duplicate pairs, "
              f"{len(self.labels) - duplicates} hard negatives -> {OUT_DIR}")


if __name__ == "__main__":
    generator = Generator()
    generator.build()
    generator.write()
