/**
 * Personal names as bylines and credits print them. A byline is only ever
 * read where a convention says names stand (after 记者, between ·…·, before
 * 报道 or 摄); the surname table keeps a word such as 资料图 or 高质量 from
 * passing for a name there.
 */

/**
 * Common single-character surnames (the 400 or so that cover nearly every
 * byline), most frequent first: the order decides between two readings of
 * names printed without a space (王娟王文哲 is 王娟 王文哲, not 王娟王 文哲).
 */
const SURNAME_ORDER = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
];
const SURNAMES = new Set(SURNAME_ORDER);
const SURNAME_RANK = new Map(SURNAME_ORDER.map((c, i) => [c, i]));

/** The same surnames as traditional characters print them (張永哲, 陳大春), for pages set in 繁体. */
const TRADITIONAL_SURNAMES = new Set([...'張陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒賀顧龔萬錢嚴湯顏莊聶魯嶽翟詹歐蘭闞倪樑']);

/** Two-character surnames: 欧阳, 司马, 诸葛 … */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '端木',
  '南宫',
  '西门',
  '独孤',
  '闻人',
  '钟离',
  '呼延',
  '申屠',
  '澹台',
  '百里',
  '万俟',
  '第五',
]);

/**
 * True for a token that reads as a personal name: two to four Chinese
 * characters beginning with a surname, or a name of a minority people
 * written with ·.
 * @example isPersonName('许丛军') // true
 * @example isPersonName('欧阳娜娜') // true
 * @example isPersonName('资料图') // false
 */
export function isPersonName(token: string): boolean {
  if (/^[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+$/u.test(token)) return true;
  // 许丛军摄 is a name and a credit mark, never a four-character name.
  if (!/^[\u4e00-\u9fff]{2,4}$/u.test(token) || /[摄讯电]$/u.test(token)) return false;
  const first = token[0] ?? '';
  return SURNAMES.has(first) || TRADITIONAL_SURNAMES.has(first) || COMPOUND_SURNAMES.has(token.slice(0, 2));
}

/**
 * Splits a run of names set with spaces into names, joining a two-character
 * name that the paper spaced out to the width of three (王  玮 for 王玮).
 * Returns null when any token is not a name.
 * @example namesOfRun('王玮丽 沈雪梅') // ['王玮丽', '沈雪梅']
 * @example namesOfRun('王 玮 沈雪梅') // ['王玮', '沈雪梅']
 */
export function namesOfRun(text: string): string[] | null {
  const tokens = text
    .trim()
    .split(/[\s、，]+/u)
    .filter((t) => t !== '');
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1];
    if (token.length === 1 && next?.length === 1 && isPersonName(token + next)) {
      names.push(token + next);
      i += 1;
      continue;
    }
    if (!isPersonName(token)) return null;
    names.push(token);
  }
  return names.length > 0 ? names : null;
}

/**
 * Names printed as a run, with or without spaces, as a line of its own
 * under a headline: 吴绮敏罗观星 (two three-character names), 王玮丽 沈雪梅.
 * Returns null unless every part is a name.
 * @example runOfNames('吴绮敏罗观星') // ['吴绮敏', '罗观星']
 */
export function runOfNames(text: string): string[] | null {
  const t = text.trim();
  if (/\s/u.test(t)) return namesOfRun(t);
  if (isPersonName(t) && t.length <= 3) return [t];
  if (t.length === 6 && isPersonName(t.slice(0, 3)) && isPersonName(t.slice(3))) return [t.slice(0, 3), t.slice(3)];
  if (t.length === 4 && isPersonName(t.slice(0, 2)) && isPersonName(t.slice(2)) && !COMPOUND_SURNAMES.has(t.slice(0, 2)))
    return [t.slice(0, 2), t.slice(2)];
  return null;
}

/**
 * A reader's signature under the title of a letter: a name or pen name and,
 * in parentheses, where the reader lives.
 * @example signedName('大地（芝罘区）') // ['大地']
 */
export function signedName(text: string): string[] | null {
  const m = /^([\u4e00-\u9fff]{2,4})（[\u4e00-\u9fff]{1,8}(?:区|县|市|镇|乡|村|街道|省|州)）$/u.exec(text.trim());
  return m?.[1] ? [m[1]] : null;
}

/** How rare a name's surname is: the cost of reading a run of characters as that name. */
function surnameRank(name: string): number {
  if (COMPOUND_SURNAMES.has(name.slice(0, 2))) return 0;
  return SURNAME_RANK.get(name[0] ?? '') ?? SURNAME_ORDER.length;
}

/**
 * Names a paper printed one after another without a space, as bylines and
 * credits run them after a role word (通讯员王娟王文哲): the reading into
 * two- to four-character names whose surnames are the most common. Returns
 * null when no reading makes every part a name.
 * @example segmentNames('王娟王文哲') // ['王娟', '王文哲']
 */
export function segmentNames(run: string): string[] | null {
  const chars = [...run];
  if (chars.length < 4 || chars.length > 16 || !/^[\u4e00-\u9fff]+$/u.test(run)) return null;
  // best[i]: the cheapest reading of the first i characters.
  const best: ({ cost: number; names: string[] } | null)[] = [{ cost: 0, names: [] }];
  for (let end = 1; end <= chars.length; end += 1) {
    best[end] = null;
    for (let size = 2; size <= 4; size += 1) {
      const before = best[end - size];
      if (!before) continue;
      const name = chars.slice(end - size, end).join('');
      // A four-character name is a compound surname's (欧阳娜娜); plain ones are two or three characters.
      if (!isPersonName(name) || (size === 4 && !COMPOUND_SURNAMES.has(name.slice(0, 2)))) continue;
      const cost = before.cost + surnameRank(name);
      const current = best[end];
      if (!current || cost < current.cost) best[end] = { cost, names: [...before.names, name] };
    }
  }
  return best[chars.length]?.names ?? null;
}
