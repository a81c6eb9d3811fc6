"""The words verification reads inside the character runs of scripts written without spaces.

Chinese, Japanese and Thai are cut into one word per character (``dedup.shingle``), so their
names, places, units and negations are runs of characters that no whole-word lexicon holds.
These tables say which characters and runs state no fact, and which runs negate
(:meth:`nettoyeur.dedup.shingle.Tokens.fact_mask`): every other character of Han, Katakana or
Thai is read as a possible name, as a word of a script without case is. Hiragana writes
particles, endings and auxiliaries and is never a fact by itself. Written from grammar books,
not from any evaluation data; the Traditional forms beside the Simplified ones.
"""

from __future__ import annotations

# Chinese characters that are function words by themselves (particles, aspect markers,
# prepositions, conjunctions, pronouns, the commonest adverbs and measure word): added, dropped
# or replaced, they change no fact ("增加了" / "增加", "的" / "之").
FUNCTION_CHARS = frozenset(
    """
    的 地 得 了 着 著 过 過 是 在 和 与 與 及 或 也 都 就 还 還 又 将 將 已 把 被 让 讓 给 給 对 對
    从 從 向 于 於 以 为 為 而 但 并 並 其 之 这 這 那 此 该 該 各 每 等 所 者 们 們 个 個 吗 嗎 呢 吧
    啊 即 则 則 却 卻 很 更 最 再 才 只 曾 正 由 至 乃 亦 皆 均 仍 我 你 您 他 她 它
    """.split()
)

# Runs that state no fact where they stand: verbs of saying ("said" / "says" in Chinese,
# Japanese with its verb endings, Thai), and Thai function words, which are several
# characters long. A run here is read before the negations below, longest first.
PLAIN_RUNS = frozenset(
    """
    说 說 说道 說道 表示 称 稱 声称 聲稱 指出 宣布 宣佈 介绍 介紹 透露 强调 強調 认为 認為 报道 報導
    告诉 告訴 提到 谈到 談到 说明 說明 解释 解釋 表明 回应 回應 据 據
    述べ 語っ 語り 語る 話し 話す 言っ 言い 言う 説明し 説明する 明らかにし 明らかにする 発表し 発表する
    強調し 指摘し 伝え 答え 明かし 示し
    กล่าว บอก ระบุ เปิดเผย แถลง ชี้แจง เผย แจ้ง อธิบาย ยืนยัน
    ที่ ของ และ ใน ได้ ว่า จะ เป็น มี ให้ กับ แล้ว ไป มา นี้ นั้น ซึ่ง โดย จาก ถึง หรือ แต่ ก็ ยัง
    อยู่ คือ การ ความ ต่อ เพื่อ ตาม ด้วย ไว้ เมื่อ อย่าง ทั้ง เพราะ จึง กว่า ถูก ครับ ค่ะ
    """.split()
)

# The percent written out ("5パーセント", "5 เปอร์เซ็นต์", as "5%"): a unit, no name where it stands, so
# that "%" replaced by it is the same amount, while "%" replaced by another phrase of characters
# ("5ポイント", points) is another (``verify.rs``'s ``unit_replaced``).
PERCENT_RUNS = frozenset("パーセント เปอร์เซ็นต์ เปอร์เซนต์".split())

# Negations written in several characters: the Japanese negative endings ("承認しなかった",
# "できません", "設けない", "せずに") and the Thai "ไม่" (not), "มิได้", "มิใช่", "ปราศจาก" (without).
# A run here is a negation wherever it stands ("少ない", few, is a polar word anyway); the
# single-character negations of Chinese and Japanese ("不", "没", "未", "無") are in
# ``lexicon.NEGATIONS``.
NEGATION_RUNS = frozenset(
    """
    ない なかっ なく なけれ ません ませんでし ずに せず
    ไม่ มิได้ มิใช่ ปราศจาก
    """.split()
)

# Words that begin with a negating character and negate nothing: "非常" (very), "特别" (especially),
# "未来" (future), "不过" (however), "无论" (whatever), "不断" (constantly), "别人" (others), "非洲"
# (Africa), "莫斯科" (Moscow). Inserted by a copy ("请非常注意"), they are an adverb or a name, not
# a negation.
NOT_NEGATION_RUNS = frozenset(
    """
    非常 特别 特別 分别 分別 区别 區別 告别 告別 别人 別人 非洲 未来 未來 不过 不過 无论 無論 不断 不斷
    莫斯科
    """.split()
)
