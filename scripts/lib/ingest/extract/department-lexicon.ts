/**
 * The department taxonomy compiled into what the name reader matches: every core form (function word +
 * kind, abbreviations, statute phrases, group phrases), the patterns with a jurisdiction slot inside
 * them, the function words of 、 lists, and the grammar of the part before a function (jurisdiction,
 * level phrase, relative qualifier).
 */
import type { DepartmentRules } from '#core/department-registry.ts';
import { GENERIC_HEADS, JURISDICTION_SLOT, NATIONAL_KINDS, type DepartmentFunction, type HistoricalName } from '#schemas/department-functions.ts';
import { BODY_SLOT, LEVEL_SLOT, type GroupPhrase, type JurisdictionPrefix, type Level } from '#schemas/jurisdictions.ts';

const HAN = String.raw`\p{Script=Han}`;

/** What a form names: a function (with the earlier name it was printed under, if any) or a group. */
export type Target =
  | { type: 'function'; fn: DepartmentFunction; historical: HistoricalName | null }
  | { type: 'group'; group: GroupPhrase };

/** One printed form of an office, a function or a group, without the jurisdiction before it. */
export type CoreForm = {
  target: Target;
  /** Names only a national office when no jurisdiction is printed (人社部, 审计署, 国务院办公厅). */
  national: boolean;
  /** Needs a jurisdiction before it ({j}委 is 市委 or 湘潭市委, never 委 alone). */
  needsPlace: boolean;
  /** For function word + head (财政部门, 人社局): the function word and the head, which a 、 list before it shares. */
  shared: { word: string; head: string } | null;
};

/** A form with a slot inside it: 团{j}委, 国家税务总局{j}税务局, {x}联席会议成员单位. Group 1 of the pattern is the slot. */
export type SlotForm = {
  pattern: RegExp;
  slot: 'jurisdiction' | 'body';
  form: CoreForm;
  /** The form's longest fixed part: a text without it cannot hold the form, so the pattern is not run. */
  literal: string;
};

export type Lexicon = {
  cores: ReadonlyMap<string, CoreForm>;
  /** The longest core form that starts at `index` of `text`, if any. */
  longestCore: (text: string, index: number) => string | null;
  slotForms: readonly SlotForm[];
  /** Function words that may stand in a 、 list before a shared head (财政、人力资源社会保障部门), with what they name. */
  listWords: ReadonlyMap<string, Target>;
  /** `等(有关|相关)?(head)`: the end of a list of functions (发展改革、财政等相关部门); its members are read leftwards. */
  etcPattern: RegExp;
  /**
   * A whole prefix (jurisdiction, level phrase or relative qualifier, 人民政府 after it): `levels` without a
   * place name, `place` with one whose `place` group must then be found among the known places.
   */
  prefixPatterns: { levels: RegExp; place: RegExp };
  /** China's provinces, cities and counties. */
  gazetteer: ReadonlySet<string>;
  /** The prefixes by their printed form. */
  prefixes: ReadonlyMap<string, JurisdictionPrefix>;
  /** Level phrases by their printed form. */
  levelPhrases: ReadonlyMap<string, readonly Level[]>;
  /** The level words a place name ends with, longest first: 自治区, 街道, 市 … */
  placeSuffixes: readonly string[];
};

/**
 * Words after which a name may start although the character before it is Han: the prepositions,
 * conjunctions and verbs that introduce the bodies of a clause (由X负责, 会同X, 报X批准, 本市).
 */
export const NAME_OPENERS = [
  '由', '会同', '和', '与', '及', '以及', '及其', '、', '对', '向', '经', '请', '将', '并', '或', '或者', '配合', '协助', '按照', '依照',
  '组织', '督促', '指导', '告知', '报', '报请', '报送', '提请', '接受', '在', '同', '受', '的', '是', '为', '本', '全', '其', '交', '送',
  '委托', '授权', '责成', '要求', '通过', '商', '设立', '成立', '建立', '给予', '所在地', '联合', '推动', '支持', '鼓励', '从', '至', '于', '各',
  '依托', '加强', '发挥', '落实', '利用', '协调', '会商',
] as const;

/** True where a name may start at `index` of `text`: at the start, after a non-Han character, or after an opener. */
export function startsWord(text: string, index: number): boolean {
  if (index === 0) return true;
  if (!/\p{Script=Han}/u.test(text[index - 1] ?? '')) return true;
  const before = text.slice(Math.max(0, index - 3), index);
  return NAME_OPENERS.some((w) => before.endsWith(w));
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const alternation = (forms: Iterable<string>) =>
  [...new Set(forms)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(escapeRegExp)
    .join('|');

/** 人力资源和社会保障 is also printed 人力资源社会保障: both spellings of a word that holds 和. */
function spellings(word: string): string[] {
  return word.includes('和') ? [word, word.replace(/和/g, '')] : [word];
}

/**
 * The names of China's provinces, cities and counties (GB/T 2260, from the china-area-data package,
 * keyed by parent code), without the placeholders it lists for unnamed districts (市辖区).
 */
export function gazetteerNames(areaData: Readonly<Record<string, Readonly<Record<string, string>>>>): string[] {
  const names = Object.values(areaData).flatMap((children) => Object.values(children));
  return [...new Set(names)].filter((n) => n.length >= 2 && !/辖/.test(n));
}

export function compileLexicon(rules: DepartmentRules, gazetteer: readonly string[]): Lexicon {
  const cores = new Map<string, CoreForm>();
  const slotForms: SlotForm[] = [];
  const listWords = new Map<string, Target>();
  // The first claim wins: reviewed forms are unique across functions, and generated spellings never override them.
  const addCore = (form: string, core: CoreForm) => {
    if (form.length > 0 && !cores.has(form)) cores.set(form, core);
  };
  const addListWord = (word: string, target: Target) => {
    if (!listWords.has(word)) listWords.set(word, target);
  };

  for (const fn of rules.functions) {
    // Statute phrases first: 劳动行政部门 is how current law names the function, not a name of the past.
    for (const phrase of fn.statutePhrases) {
      const target: Target = { type: 'function', fn, historical: null };
      const heads = GENERIC_HEADS.filter((h) => phrase.endsWith(h) && phrase.length > h.length);
      const head = heads[0];
      addCore(phrase, { target, national: false, needsPlace: false, shared: head === undefined ? null : { word: phrase.slice(0, -head.length), head } });
      // 社会保险、卫生健康等部门, 司法行政等部门: the stems of a statute phrase stand in lists as its function.
      for (const h of heads) addListWord(phrase.slice(0, -h.length), target);
    }
    const periods: { words: string[]; abbreviations: string[]; formalPatterns: string[]; historical: HistoricalName | null }[] = [
      { words: [fn.name, ...fn.aliases], abbreviations: fn.abbreviations, formalPatterns: fn.formalPatterns, historical: null },
      ...fn.historical.map((h) => ({ words: [h.name, ...h.aliases], abbreviations: h.abbreviations, formalPatterns: h.formalPatterns, historical: h })),
    ];
    for (const period of periods) {
      const target: Target = { type: 'function', fn, historical: period.historical };
      for (const word of period.words.flatMap(spellings)) {
        addListWord(word, target);
        // A body whose name is the whole office (总工会, 人民法院) has no kinds: the word is the office.
        if (fn.kinds.length === 0) addCore(word, { target, national: false, needsPlace: false, shared: null });
        for (const kind of fn.kinds)
          addCore(word + kind, { target, national: NATIONAL_KINDS.includes(kind), needsPlace: false, shared: { word, head: kind } });
        for (const head of GENERIC_HEADS) addCore(word + head, { target, national: false, needsPlace: false, shared: { word, head } });
      }
      for (const pattern of period.abbreviations) addPattern(pattern, target, false);
      for (const pattern of period.formalPatterns) addPattern(pattern, target, true);
    }
  }

  function addPattern(pattern: string, target: Target, formal: boolean) {
    const at = pattern.indexOf(JURISDICTION_SLOT);
    // Without a slot the name is a national office (人社部, 国务院办公厅, 中国人民银行).
    if (at < 0) return addCore(pattern, { target, national: true, needsPlace: false, shared: null });
    const rest = pattern.slice(at + JURISDICTION_SLOT.length);
    // A slot in front is the prefix the reader finds anyway; formal patterns require it to be filled.
    if (at === 0) return addCore(rest, { target, national: false, needsPlace: formal, shared: null });
    slotForms.push({
      pattern: new RegExp(`${escapeRegExp(pattern.slice(0, at))}(${JURISDICTION_PATTERN})${escapeRegExp(rest)}`, 'gu'),
      slot: 'jurisdiction',
      form: { target, national: false, needsPlace: true, shared: null },
      literal: longer(pattern.slice(0, at), rest),
    });
  }

  for (const group of rules.jurisdictions.groups) {
    const target: Target = { type: 'group', group };
    for (const form of [group.phrase, ...group.variants]) {
      if (form.includes(BODY_SLOT)) {
        const [before = '', after = ''] = form.split(BODY_SLOT);
        slotForms.push({
          // The body's name: a few Han characters ending in the word the form goes on with (联席会议, 领导小组).
          pattern: new RegExp(`${escapeRegExp(before)}([${HAN}]{2,20}?)${escapeRegExp(after)}`, 'gu'),
          slot: 'body',
          form: { target, national: false, needsPlace: false, shared: null },
          literal: longer(before, after),
        });
      } else if (form.startsWith(LEVEL_SLOT)) {
        addCore(form.slice(LEVEL_SLOT.length), { target, national: false, needsPlace: true, shared: null });
      } else addCore(form, { target, national: false, needsPlace: false, shared: null });
    }
    // A set of functions named by one phrase (金融管理部门) is a member of lists like a function: 教育、金融管理等部门.
    if (group.scope === 'functions')
      for (const form of [group.phrase, ...group.variants])
        for (const h of GENERIC_HEADS.filter((h) => form.endsWith(h) && form.length > h.length)) addListWord(form.slice(0, -h.length), target);
  }

  const prefixes = new Map(rules.jurisdictions.prefixes.map((p) => [p.prefix, p]));
  const levelPhrases = new Map(rules.jurisdictions.levelPhrases.map((p) => [p.phrase, p.levels]));
  const placeSuffixes = [...rules.jurisdictions.prefixes.filter((p) => !p.levels.includes('national')).map((p) => p.prefix), '自治州']
    .filter((p, i, all) => all.indexOf(p) === i)
    .sort((a, b) => b.length - a.length);
  const national = rules.jurisdictions.prefixes.filter((p) => p.levels.includes('national')).map((p) => p.prefix);
  const local = rules.jurisdictions.prefixes.filter((p) => !p.levels.includes('national')).map((p) => p.prefix);
  const levelItem = `(?:${alternation([...levelPhrases.keys(), ...local])})(?:[（(][${HAN}、]{1,8}[）)])?`;
  const relative = alternation(rules.jurisdictions.relativeQualifiers.map((q) => q.phrase));
  // The grammar around a place; the place itself is looked up (the document's own names and the gazetteer's),
  // since a pattern for place names reads 列入市, 日前向省 as places.
  const around = (middle: string) =>
    new RegExp(`^(?<rel>${relative})?${middle}(?<gov>人民政府|政府|行政公署)?(?<rel2>${relative})?$`, 'u');
  const prefixPatterns = {
    levels: around(`(?:(?<national>${alternation(national)})|(?<levels>${levelItem}(?:(?:、|和|及|或者)${levelItem})*))?`),
    place: around(`(?<place>[${HAN}]{2,24}?)`),
  };
  return {
    cores,
    longestCore: longestMatch(cores.keys()),
    slotForms,
    listWords,
    etcPattern: new RegExp(`等(?:有关|相关|其他)?([${HAN}]{0,12}?(?:部门|机关|机构|单位))`, 'gu'),
    prefixPatterns,
    gazetteer: new Set(gazetteer),
    prefixes,
    levelPhrases,
    placeSuffixes,
  };
}

const longer = (a: string, b: string) => (a.length >= b.length ? a : b);

type Trie = Map<string, Trie> & { end?: true };

/** A prefix tree of `forms`: finding the longest form at a position walks it once instead of trying thousands of alternatives. */
function longestMatch(forms: Iterable<string>): (text: string, index: number) => string | null {
  const root: Trie = new Map();
  for (const form of forms) {
    let node = root;
    for (const c of form) {
      let next = node.get(c);
      if (next === undefined) node.set(c, (next = new Map()));
      node = next;
    }
    node.end = true;
  }
  return (text, index) => {
    let node: Trie | undefined = root;
    let found = -1;
    for (let i = index; i < text.length && node !== undefined; i++) {
      node = node.get(text[i] ?? '');
      if (node?.end === true) found = i + 1;
    }
    return found < 0 ? null : text.slice(index, found);
  };
}

/** A jurisdiction in a slot: a place name with its level word (湘潭市), or a one-character level (市). */
const JURISDICTION_PATTERN = `[${HAN}]{0,8}?(?:省|市|县|区|州|盟|旗|镇|乡|街道)|[${HAN}]{2,4}`;
