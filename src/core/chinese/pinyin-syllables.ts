/**
 * Every syllable of standard Mandarin in Hanyu Pinyin, without tone: the closed set a pinyin
 * annotation is made of. Reviewed data, one row per initial, in the order of the syllable table of
 * 《汉语拼音方案》 (y-/w- spellings under the zero initial, ü written ü).
 * Checked against the readings pinyin-pro 3.29.4 gives for every character of U+4E00–U+9FFF: the
 * same 411 syllables, once the interjections left out below are set aside.
 *
 * Left out, on purpose:
 * - m, n, ng, hm, hng (嗯, 呣, 哼 as interjections) and ê (欸): single letters, or nearly, that stand for
 *   variables, list items and units far more often than for a reading in a policy text.
 * - a, e, o alone are listed, but the annotation rule asks a tone mark of them (see pinyin.ts).
 */
const TABLE: readonly string[] = [
  // zero initial
  'a o e ai ei ao ou an en ang eng er',
  'yi ya yo ye yao you yan yin yang ying yong',
  'wu wa wo wai wei wan wen wang weng',
  'yu yue yuan yun',
  'b: ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu',
  'p: pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu',
  'm: ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu',
  'f: fa fo fei fou fan fen fang feng fu',
  'd: da de dai dei dao dou dan den dang deng dong di dia die diao diu dian ding du duo dui duan dun',
  't: ta te tai tei tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun',
  'n: na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning nu nuo nuan nü nüe',
  'l: la lo le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling lu luo luan lun lü lüe',
  'g: ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang',
  'k: ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang',
  'h: ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang',
  'j: ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun',
  'q: qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun',
  'x: xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun',
  'zh: zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong zhu zhua zhuo zhuai zhui zhuan zhun zhuang',
  'ch: cha che chi chai chao chou chan chen chang cheng chong chu chua chuo chuai chui chuan chun chuang',
  'sh: sha she shi shai shei shao shou shan shen shang sheng shu shua shuo shuai shui shuan shun shuang',
  'r: re ri rao rou ran ren rang reng rong ru rua ruo rui ruan run',
  'z: za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun',
  'c: ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun',
  's: sa se si sai sao sou san sen sang seng song su suo sui suan sun',
];

/**
 * Spellings of a syllable without ü that annotations use: after l and n, üe is commonly typed ue
 * (lue, nue), which no other syllable spells. Typed v for ü (lv, nve) is handled by the rule.
 */
export const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['lue', 'lüe'],
  ['nue', 'nüe'],
]);

/** The toneless syllables, ü written ü. */
export const PINYIN_SYLLABLES: ReadonlySet<string> = new Set(
  TABLE.flatMap((row) => row.replace(/^[a-z]+:/, '').trim().split(/\s+/)),
);
