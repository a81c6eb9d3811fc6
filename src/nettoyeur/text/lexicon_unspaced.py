"""The words verification reads inside the character runs of scripts written without spaces.

Chinese, Japanese, Thai, Lao, Khmer and Myanmar are cut into one word per character
(``dedup.shingle``), so their names, places, units and negations are runs of characters that no
whole-word lexicon holds. These tables say which characters and runs state no fact, and which runs
negate (:meth:`nettoyeur.dedup.shingle.Tokens.fact_mask`): every other character of Han, Katakana,
Thai, Lao, Khmer or Myanmar is read as a possible name, as a word of a script without case is. Hiragana writes
particles, endings and auxiliaries and is never a fact by itself. Written from grammar books,
not from any evaluation data; the Traditional forms beside the Simplified ones.
"""

from __future__ import annotations

# Traditional Chinese characters and their Simplified forms, for comparing a copy written in the
# other form (or partly converted: "团发" / "團發"): verification and the shingles read each
# character here as its Simplified form (``shingle``'s character table, as case is folded), the
# text written out is untouched. The most frequent characters whose two forms differ (the commonest
# words of news prose, measure words, surnames, numerals "萬/億"), from the correspondences of the
# General Standard Chinese Characters table (2013); written by hand, not from any evaluation data.
# Left out: a Traditional form that is also a Simplified character of another use ("著", "乾",
# "餘", "徵"), which would make two Simplified words one. "別" is Japanese as well ("特別").
VARIANTS = dict(
    pair
    for pair in """
    個个 們们 這这 來来 時时 為为 說说 國国 過过 會会 發发 髮发 後后 對对 學学 經经 於于 動动 還还 種种
    長长 現现 開开 樣样 見见 從从 點点 問问 與与 實实 進进 當当 體体 麼么 沒没 機机 關关 頭头 兩两 裡里
    裏里 無无 間间 業业 義义 東东 應应 員员 產产 係系 區区 電电 場场 線线 氣气 報报 數数 門门 聽听 話话
    興兴 論论 條条 資资 選选 將将 軍军 調调 統统 認认 識识 設设 決决 準准 權权 隊队 據据 處处 總总 變变
    結结 導导 書书 記记 際际 議议 衛卫 車车 歲岁 銀银 辦办 務务 錢钱 萬万 億亿 醫医 療疗 藥药 術术 藝艺
    團团 組组 織织 強强 確确 轉转 適适 華华 稱称 聯联 並并 雙双 價价 買买 賣卖 費费 貨货 貿贸 質质 響响
    讓让 給给 鐵铁 號号 聲声 歡欢 觀观 視视 覺觉 親亲 樂乐 黨党 蘭兰 麗丽 羅罗 韓韩 歐欧 亞亚 灣湾 臺台
    葉叶 劉刘 陳陈 張张 楊杨 黃黄 趙赵 吳吴 孫孙 鄭郑 馬马 謝谢 許许 鄧邓 飛飞 鳥鸟 魚鱼 龍龙 風风 雲云
    節节 習习 題题 類类 驗验 測测 試试 課课 師师 讀读 寫写 語语 詞词 筆笔 紙纸 畫画 網网 絡络 腦脑 雜杂
    錄录 載载 傳传 訪访 評评 計计 劃划 規规 範范 標标 項项 屬属 達达 運运 邊边 遠远 遞递 郵邮 鄉乡 縣县
    鎮镇 園园 圖图 圍围 環环 爭争 戰战 擊击 殺杀 傷伤 災灾 險险 獲获 勝胜 敗败 競竞 賽赛 藍蓝 綠绿 紅红
    顏颜 熱热 溫温 濕湿 漲涨 況况 濟济 稅税 證证 請请 談谈 講讲 訴诉 該该 誰谁 誤误 護护 幫帮 難难 順顺
    預预 領领 顯显 願愿 頁页 須须 顧顾 齊齐 歷历 曆历 鐘钟 鍾钟 幹干 隻只 極极 構构 擴扩 換换 擔担 擁拥
    勞劳 嚴严 廣广 雖虽 則则 卻却 嗎吗 別别
    """.split()
)


def _with_variants(words: str) -> frozenset[str]:
    """Returns the words of ``words``, each also with its characters in Simplified form (:data:`VARIANTS`).

    The tables below are looked up in the folded text, where "強調し" reads "强调し".
    """
    split = words.split()
    return frozenset(split + ["".join(VARIANTS.get(c, c) for c in w) for w in split])


# Chinese characters that are function words by themselves (particles, aspect markers,
# prepositions, conjunctions, pronouns, the commonest adverbs and measure word): added, dropped
# or replaced, they change no fact ("增加了" / "增加", "的" / "之").
FUNCTION_CHARS = _with_variants(
    """
    的 地 得 了 着 著 过 過 是 在 和 与 與 及 或 也 都 就 还 還 又 将 將 已 把 被 让 讓 给 給 对 對
    从 從 向 于 於 以 为 為 而 但 并 並 其 之 这 這 那 此 该 該 各 每 等 所 者 们 們 个 個 吗 嗎 呢 吧
    啊 即 则 則 却 卻 很 更 最 再 才 只 曾 正 由 至 乃 亦 皆 均 仍 我 你 您 他 她 它
    """
)

# Runs that state no fact where they stand: verbs of saying ("said" / "says" in Chinese,
# Japanese with its verb endings, Thai, Lao, Khmer, Myanmar), and the function words of Thai,
# Lao, Khmer and Myanmar (particles, auxiliaries of tense and aspect, prepositions, conjunctions,
# honorifics before a name: Lao "ທ່ານ", Khmer "លោក", Myanmar "ဦး" / "ဒေါ်"), which are several
# characters long. A run here is read before the negations below, longest first.
PLAIN_RUNS = _with_variants(
    """
    说 說 说道 說道 表示 称 稱 声称 聲稱 指出 宣布 宣佈 介绍 介紹 透露 强调 強調 认为 認為 报道 報導
    告诉 告訴 提到 谈到 談到 说明 說明 解释 解釋 表明 回应 回應 据 據
    述べ 語っ 語り 語る 話し 話す 言っ 言い 言う 説明し 説明する 明らかにし 明らかにする 発表し 発表する
    強調し 指摘し 伝え 答え 明かし 示し
    กล่าว บอก ระบุ เปิดเผย แถลง ชี้แจง เผย แจ้ง อธิบาย ยืนยัน
    ที่ ของ และ ใน ได้ ว่า จะ เป็น มี ให้ กับ แล้ว ไป มา นี้ นั้น ซึ่ง โดย จาก ถึง หรือ แต่ ก็ ยัง
    อยู่ คือ การ ความ ต่อ เพื่อ ตาม ด้วย ไว้ เมื่อ อย่าง ทั้ง เพราะ จึง กว่า ถูก ครับ ค่ะ
    ກ່າວ ເວົ້າ ບອກ ເປີດເຜີຍ ແຈ້ງ ຖະແຫຼງ ລະບຸ ຢືນຢັນ ອະທິບາຍ ຊີ້ແຈງ
    ທີ່ ຂອງ ແລະ ໃນ ໄດ້ ວ່າ ຈະ ເປັນ ມີ ໃຫ້ ກັບ ແລ້ວ ໄປ ມາ ນີ້ ນັ້ນ ຊຶ່ງ ເຊິ່ງ ໂດຍ ຈາກ ເຖິງ ຫຼື ແຕ່ ກໍ ຍັງ
    ຢູ່ ຄື ການ ຄວາມ ຕໍ່ ເພື່ອ ຕາມ ດ້ວຍ ໄວ້ ເມື່ອ ຢ່າງ ທັງ ເພາະ ຈຶ່ງ ກວ່າ ຖືກ ທ່ານ ນາງ
    និយាយ ថ្លែង មានប្រសាសន៍ ប្រាប់ បញ្ជាក់ លើកឡើង អះអាង ពន្យល់ បញ្ចេញមតិ ប្រកាស
    បាន នឹង ថា និង ក្នុង នៅ របស់ ដែល ជា មាន ឲ្យ អោយ ពី ដល់ ទៅ មក នេះ នោះ ហើយ ប៉ុន្តែ ឬ ក៏ ដោយ
    សម្រាប់ ការ សេចក្តី ភាព តាម ចំពោះ ត្រូវ លោកស្រី លោក អ្នក
    ပြောကြား ပြောဆို ပြော ဖော်ပြ ထုတ်ပြန် ရှင်းပြ အတည်ပြု
    သည် ကို ၏ နှင့် တွင် မှာ ၌ မှ သို့ ဖြင့် ခဲ့ မည် နေ ပြီး ပြီ ပါ များ ဟု ကြောင်း ဖြစ် လည်း သော ရန် အတွက်
    ဦး ဒေါ်
    """
)

# The percent written out ("5パーセント", "5 เปอร์เซ็นต์", as "5%"): a unit, no name where it stands, so
# that "%" replaced by it is the same amount, while "%" replaced by another phrase of characters
# ("5ポイント", points) is another (``verify.rs``'s ``unit_replaced``).
PERCENT_RUNS = frozenset("パーセント เปอร์เซ็นต์ เปอร์เซนต์".split())

# Negations written in several characters: the Japanese negative endings ("承認しなかった",
# "できません", "設けない", "せずに"), the Thai "ไม่" (not), "มิได้", "มิใช่", "ปราศจาก" (without),
# the Lao "ບໍ່" (not), "ມິໄດ້", the Khmer "មិន" (not), "ពុំ", "គ្មាន" (there is no), and the Myanmar
# "မဟုတ်" (is not), "မရှိ" (there is no) and "ဘူး" (the negative ending of speech).
# A run here is a negation wherever it stands ("少ない", few, is a polar word anyway); the
# single-character negations of Chinese and Japanese ("不", "没", "未", "無") are in
# ``lexicon.NEGATIONS``.
NEGATION_RUNS = _with_variants(
    """
    ない なかっ なく なけれ ません ませんでし ずに せず
    ไม่ มิได้ มิใช่ ปราศจาก
    ບໍ່ ມິໄດ້
    មិន ពុំ គ្មាន
    မဟုတ် မရှိ ဘူး
    """
)

# Words that begin with a negating character and negate nothing: "非常" (very), "特别" (especially),
# "未来" (future), "不过" (however), "无论" (whatever), "不断" (constantly), "别人" (others), "非洲"
# (Africa), "莫斯科" (Moscow). Inserted by a copy ("请非常注意"), they are an adverb or a name, not
# a negation.
NOT_NEGATION_RUNS = _with_variants(
    """
    非常 特别 特別 分别 分別 区别 區別 告别 告別 别人 別人 非洲 未来 未來 不过 不過 无论 無論 不断 不斷
    莫斯科
    """
)

# The Hangul syllables that write Korean particles and verb endings: "은/는/이/가" (topic, subject),
# "을/를" (object), "의" (of), "에/에서/에게/께/한테/으로/로" (place, direction), "와/과/랑" (and),
# "도/만/까지/부터/처럼/보다" (also, only, until, from, like, than); the endings "다/요/고/며/면/니/
# 서/지/게/야/죠/네" and the tense and politeness syllables "었/았/였/했/겠/습/입". Written from
# grammar books, not from any evaluation data. Korean is spaced, its particles and endings attached
# ("의원은", "밝혔다"): one syllable changed is a typo only where it is not the word's first and
# both sides' syllable is one of these ("의원은" / "의원이", "했다" / "했고"); a syllable of a name
# or a content word changed is another word ("김민수" / "김민호", "부산" / "부선").
HANGUL_ENDINGS = frozenset(
    """
    은 는 이 가 을 를 의 에 서 게 께 한 테 으 로 와 과 랑 고 도 만 까 지 부 터 처 럼 보 다
    요 며 면 니 야 죠 네 었 았 였 했 겠 습 입
    """.split()
)
