/**
 * Finds department names in running text by their form — a jurisdiction or level phrase, a function,
 * a kind (湘潭市 + 人力资源和社会保障 + 局; 县级以上地方人民政府 + 社会保险 + 行政部门) — and by the
 * reviewed registry's own names; lists sharing one head (财政、人力资源社会保障部门) give one name per
 * member. Organ-like names of no known function are returned too, as unknown: a name is never dropped.
 */
import type { Department } from '#schemas/entities.ts';
import type { JurisdictionPrefix, Level } from '#schemas/jurisdictions.ts';
import { GENERIC_HEADS } from '#schemas/department-functions.ts';
import { escapeRegExp, NAME_OPENERS, startsWord, type CoreForm, type Lexicon, type Target } from './department-lexicon.ts';

const HAN = String.raw`\p{Script=Han}`;
const OPENERS = [...NAME_OPENERS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

/** Where a name puts its office, as printed before the function. */
export type Place =
  | { type: 'none' }
  | { type: 'national' }
  /** A place name: 湘潭市, 湘潭, 徐家汇街道. */
  | { type: 'named'; name: string }
  /** A one-word level that means the document's own government at that level: 市, 省, 区. */
  | { type: 'self'; prefix: JurisdictionPrefix }
  /** Levels, not one government: 县级以上地方, 省、自治区、直辖市, 市、县; `phrase` where a level phrase (县级以上, 各级) names them. */
  | { type: 'levels'; levels: Level[]; phrase: boolean };

export type NameTarget = Target | { type: 'registry'; entry: Department } | { type: 'unknown' };

/** One name found in a text. */
export type FoundName = {
  /** The name as printed (for a member of a list sharing a head: the member with the head). */
  name: string;
  target: NameTarget;
  place: Place;
  /** The form names a national office when no jurisdiction is printed. */
  national: boolean;
  /** For a coordination body or its members: the body's own name, without its jurisdiction (就业工作 of 市就业工作领导小组). */
  body: string | null;
  /** Printed with 各 (各县(区)政府): every unit of its kind, kept as a group. */
  each: boolean;
  /** The registry entry the name is listed under, where the form also tells its function (市扶贫办: rural-revitalisation, 2021). */
  listed?: Department;
};

/** A stretch of text naming one or more departments. */
export type NameSpan = { start: number; end: number; items: FoundName[] };

/** What the reader knows about one document: the lexicon, its own place names, and the registry's forms. */
export type NameReader = {
  lexicon: Lexicon;
  /** The document's place names and the gazetteer's. */
  places: ReadonlySet<string>;
  /** Registry names and aliases as the document may print them (湘潭市财政局 → 市财政局 in a 湘潭 text). */
  registryForms: ReadonlyMap<string, Department>;
  registryPattern: RegExp | null;
};

export function nameReader(lexicon: Lexicon, placeNames: readonly string[], registryForms: ReadonlyMap<string, Department>): NameReader {
  const forms = [...registryForms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const places = new Set([...placeNames, ...lexicon.gazetteer]);
  return {
    lexicon,
    places,
    registryForms,
    registryPattern: forms.length === 0 ? null : new RegExp(forms.join('|'), 'gu'),
  };
}

/**
 * Organ-like names of no known function: a jurisdiction, a few characters and an organ's kind
 * (市公积金管委会), or a few characters and a governmental head (X行政部门). Their kinds are those only
 * government and public bodies take; 机构 and 单位 are left out, since hospitals, schools and firms
 * bear them as often.
 */
/** What may follow a name in running text (就业局 in 就业局势 is none): its predicate, a conjunction or 的. */
const FOLLOWERS = '[要应和与及的等牵会负统指在将对审批按组配协参主]';

/** Names of unknown form with a jurisdiction (group 1, checked against the known places) and an organ's kind. */
const UNKNOWN_ORGAN = new RegExp(
  String.raw`([${HAN}]{1,8}?[省市县区州旗镇乡]|[省市区县州旗镇乡])(?!各|有关|相关|直|场|民|级|内|外|辖|属)[${HAN}]{1,10}?(?:委员会|办公室|中心支行|分行|支行|分局|委会|局|厅|委|办|中心|联合会)(?=$|[^${HAN}]|${FOLLOWERS})`,
  'uy',
);
/** Names of unknown form with a governmental head (X行政部门, X主管部门). */
const UNKNOWN_HEAD = new RegExp(String.raw`(?!${OPENERS})[${HAN}]{2,8}?(?:行政主管部门|行政部门|主管部门|行政机关)`, 'uy');

/** Words that begin with an office kind's character but name no office: 规划部署, 就业局势, 办理. */
const NOT_A_KIND = /^(?:部署|部分|局势|局面|局限|办理|办法|办事|委托|委员|所得|所在|所有|所属|所需|所以|院校|站点)/;

/** Every department name of `text`, without overlaps, in text order. */
export function findNames(text: string, reader: NameReader): NameSpan[] {
  const candidates: (NameSpan & { rank: number })[] = [];
  const { lexicon } = reader;
  // Every position, not one global scan: a shorter form must not hide a longer one that starts inside it.
  for (let i = 0; i < text.length; i++) {
    const form = lexicon.longestCore(text, i);
    const core = form === null ? undefined : lexicon.cores.get(form);
    if (form === null || core === undefined) continue;
    const span = coreSpan(text, i, i + form.length, core, reader);
    if (span !== null) candidates.push({ ...span, rank: 1 });
  }
  for (const m of text.matchAll(lexicon.etcPattern)) {
    const span = etcSpan(text, m, reader);
    if (span !== null) candidates.push({ ...span, rank: 1 });
  }
  for (const slot of lexicon.slotForms.filter((f) => text.includes(f.literal)))
    for (const m of text.matchAll(slot.pattern)) {
      const filled = m[1] ?? '';
      const end = m.index + m[0].length;
      if (slot.slot === 'jurisdiction') {
        const place = readPlace(filled, reader);
        if (place.type !== 'none') candidates.push({ start: m.index, end, items: [{ name: m[0], target: slot.form.target, place, national: false, body: null, each: false }], rank: 1 });
        continue;
      }
      // A body's name runs from the last word start before it (市就业工作 in 由市就业工作领导小组各成员单位).
      const bodyAt = m.index + m[0].indexOf(filled);
      let from = bodyAt;
      for (let i = bodyAt + 1; i < bodyAt + filled.length - 1; i++) if (startsWord(text, i)) from = i;
      if (!startsWord(text, from)) continue;
      const { place, rest } = leadingPlace(text.slice(from, bodyAt + filled.length), reader);
      candidates.push({ start: from, end, items: [{ name: text.slice(from, end), target: slot.form.target, place, national: false, body: rest, each: false }], rank: 1 });
    }
  if (reader.registryPattern !== null)
    for (const m of text.matchAll(reader.registryPattern)) {
      const entry = reader.registryForms.get(m[0]);
      if (entry !== undefined)
        candidates.push({ start: m.index, end: m.index + m[0].length, items: [{ name: m[0], target: { type: 'registry', entry }, place: { type: 'none' }, national: false, body: null, each: false }], rank: 2 });
    }
  let known = takeNonOverlapping(candidates).map((span) => withReading(span, candidates));
  /** `sticky` (flag y) tried at every word start, not scanned globally: a match that starts too early (由市…) must not hide the one after it. */
  const unknownAt = (sticky: RegExp, withPlace: boolean) => {
    const found: (NameSpan & { rank: number })[] = [];
    for (let i = 0; i < text.length; i++) {
      if (!startsWord(text, i)) continue;
      sticky.lastIndex = i;
      const m = sticky.exec(text);
      // The jurisdiction of an organ-like name must be a known place or a one-character level (列入市… is none).
      const place = m?.[1] ?? '';
      if (m === null || (withPlace && place.length > 1 && !reader.places.has(place))) continue;
      found.push({ start: i, end: i + m[0].length, rank: withPlace ? 1 : 0, items: [{ name: m[0], target: { type: 'unknown' }, place: { type: 'none' }, national: false, body: null, each: false }] });
    }
    return found;
  };
  const organs = unknownAt(UNKNOWN_ORGAN, true);
  const withPlace = new Set(organs.map((o) => `${o.start}:${o.end}`));
  const kept: NameSpan[] = [];
  for (const u of takeNonOverlapping([...organs, ...unknownAt(UNKNOWN_HEAD, false)])) {
    const inside = known.filter((k) => overlaps(k, u));
    const only = inside.length === 1 ? inside[0] : undefined;
    // 市公积金管委会: a known ending (管委会) that starts no word, after a jurisdiction, is the tail of a longer name of unknown form.
    const tail = only !== undefined && withPlace.has(`${u.start}:${u.end}`) && only.end === u.end && only.start > u.start && !startsWord(text, only.start);
    if (tail) known = known.filter((k) => k !== only);
    if (inside.length === 0 || tail) kept.push(u);
  }
  return [...known, ...kept].sort((a, b) => a.start - b.start);
}

/** A registry name that the taxonomy reads too keeps the taxonomy's reading (its function and period) with the registry's entry. */
function withReading(span: NameSpan, candidates: readonly NameSpan[]): NameSpan {
  const [item] = span.items;
  if (span.items.length !== 1 || item?.target.type !== 'registry') return span;
  const reading = candidates.find((c) => c.start === span.start && c.end === span.end && c.items.length === 1 && c.items[0]?.target.type === 'function')?.items[0];
  return reading === undefined ? span : { ...span, items: [{ ...reading, listed: item.target.entry }] };
}

/** A core form with what stands before it: the members of a list sharing its head, then a jurisdiction or level phrase. */
function coreSpan(text: string, start: number, end: number, core: CoreForm, reader: NameReader): NameSpan | null {
  if (NOT_A_KIND.test(text.slice(end - 1))) return null;
  const list = core.shared === null ? { start, members: [] } : listMembers(text, start, reader, false);
  const prefix = readPrefix(text.slice(0, list.start), reader);
  if (core.needsPlace && prefix.place.type !== 'named' && prefix.place.type !== 'self') return null;
  let spanStart = list.start - prefix.length;
  // A short word (工会, 妇联) is a name only where a word starts; longer forms are distinctive wherever they stand.
  if (prefix.length === 0 && end - list.start <= 2 && !startsWord(text, list.start)) return null;
  // 各 before a name makes it every such unit (各县(区)政府, 各试点、示范地区人民政府): a group.
  const each = EACH.exec(text.slice(0, spanStart)) ?? (prefix.length === 0 && isGovernment(core) ? EACH_GOVERNMENT.exec(text.slice(0, spanStart)) : null);
  if (each !== null) spanStart = each.index;
  const head = core.shared?.head ?? '';
  const items: FoundName[] = list.members.map((member, i) => ({
    name: (i === 0 ? text.slice(spanStart, member.at) : '') + member.word + (member.whole ? '' : head),
    target: member.target,
    place: prefix.place,
    national: false,
    body: null,
    each: each !== null,
  }));
  items.push({ name: text.slice(list.members.length === 0 ? spanStart : start, end), target: core.target, place: prefix.place, national: core.national, body: null, each: each !== null });
  return { start: spanStart, end, items };
}

const EACH = /各$/;
/** 各 and the places it ranges over, where they are no prefix the grammar knows: 各试点、示范地区人民政府. */
const EACH_GOVERNMENT = /各[\p{Script=Han}、（）()]{1,10}$/u;
const isGovernment = (core: CoreForm) => core.target.type === 'function' && core.target.fn.id === 'people-government';

/** 发展改革、财政等相关部门: each member, with the head where it is a generic one (发展改革部门), or as printed. */
function etcSpan(text: string, m: RegExpExecArray, reader: NameReader): NameSpan | null {
  const list = listMembers(text, m.index, reader, true);
  // 企业、事业单位等用人单位 lists employers: a list of departments names at least one known function.
  if (!list.members.some((member) => member.target.type !== 'unknown')) return null;
  const prefix = readPrefix(text.slice(0, list.start), reader);
  const spanStart = list.start - prefix.length;
  // A list opened by a function word stands wherever it is printed (实现人力资源社会保障、发展改革…等部门的); one opened by an unknown word must start a word.
  if (prefix.length === 0 && list.members[0]?.target.type === 'unknown' && !startsWord(text, list.start)) return null;
  const head = (m[1] ?? '').replace(/^(?:有关|相关|其他)/, '');
  const generic = (GENERIC_HEADS as readonly string[]).includes(head);
  return {
    start: spanStart,
    end: m.index + m[0].length,
    items: list.members.map((member, i) => ({
      name: (i === 0 ? text.slice(spanStart, member.at) : '') + member.word + (generic && !member.whole ? head : ''),
      target: member.target,
      place: prefix.place,
      national: false,
      body: null,
      each: false,
    })),
  };
}

/** A member of a list; `whole` where it already carries its head (民政部门). */
type Member = { word: string; at: number; target: NameTarget; whole: boolean };

const LIST_SEPARATOR = /(?:、|和|及|与|以及)$/;
const LONGEST_MEMBER = 16;

/**
 * The members of a list that ends at `end`, read leftwards over 、 和 及: function words
 * (财政、人力资源社会保障部门), and in a list closed by 等 also words of no known function between
 * two 、 (…、城管执法、…等部门), which are kept as unknown members.
 */
function listMembers(text: string, end: number, reader: NameReader, etc: boolean): { start: number; members: Member[] } {
  const members: Member[] = [];
  let pos = end;
  const readWord = (at: number): Member | null => {
    // A whole name (民政部门、卫生部门等部门), then a function word (民政、卫生等部门), then, closed by 等, any word between two 、.
    for (let n = Math.min(LONGEST_MEMBER, at); n >= 2; n--) {
      const word = text.slice(at - n, at);
      const core = reader.lexicon.cores.get(word);
      if (core !== undefined && !core.needsPlace) return { word, at: at - n, target: core.target, whole: true };
    }
    for (let n = Math.min(LONGEST_MEMBER, at); n >= 2; n--) {
      const word = text.slice(at - n, at);
      const target = reader.lexicon.listWords.get(word);
      if (target !== undefined) return { word, at: at - n, target, whole: false };
    }
    if (!etc) return null;
    let from = at;
    while (from > 0 && /\p{Script=Han}/u.test(text[from - 1] ?? '')) from--;
    const word = text.slice(from, at);
    return text[from - 1] === '、' && word.length >= 2 && word.length <= 8 ? { word, at: from, target: { type: 'unknown' }, whole: false } : null;
  };
  // Before 等 a member stands right there; before a shared head (财政、人社部门) the head's own word is the core.
  const last = etc ? readWord(pos) : null;
  if (last !== null) {
    members.unshift(last);
    pos = last.at;
  }
  for (;;) {
    const sep = LIST_SEPARATOR.exec(text.slice(Math.max(0, pos - 2), pos));
    if (sep === null) break;
    const member = readWord(pos - sep[0].length);
    if (member === null) break;
    members.unshift(member);
    pos = member.at;
  }
  return { start: pos, members };
}

/** The longest prefix that ends where the name's function begins and starts a word. */
function readPrefix(before: string, reader: NameReader): { length: number; place: Place } {
  for (let k = Math.min(before.length, 24); k > 0; k--) {
    const at = before.length - k;
    const groups = matchPrefix(before.slice(at), reader);
    if (groups === null) continue;
    const place = placeOf(groups, reader);
    // A one-character level needs no word start (实行县(区)人力资源社会保障部门), unless it ends a word (城市, 社区)
    // or a longer prefix that starts no word (街镇 in 加强街镇调解组织).
    const level =
      place.type === 'self' &&
      place.prefix.prefix.length === 1 &&
      groups['rel'] === undefined &&
      !NOT_A_PREFIX.has(before.slice(at - 1, at + 1)) &&
      (at === 0 || matchPrefix(before.slice(at - 1), reader) === null);
    if (level || startsWord(before, at)) return { length: k, place };
  }
  return { length: 0, place: { type: 'none' } };
}

/** Words ending in a level's character that are no jurisdiction before the name after them: 城市居民委员会 is no 市居民委员会. */
const NOT_A_PREFIX = new Set(['城市', '都市', '上市', '超市', '社区', '地区', '园区', '景区', '城区', '市区', '郊区', '辖区', '小区', '街区', '山区', '片区', '专区', '新区', '灾区', '矿区', '牧区', '林区', '垦区', '全县', '外省', '外市']);

/** The groups of `text` read whole as a prefix, or null: level phrases first, then one or two known places (上海市徐汇区). */
function matchPrefix(text: string, reader: NameReader): Record<string, string | undefined> | null {
  const { levels, place } = reader.lexicon.prefixPatterns;
  const byLevel = levels.exec(text);
  if (byLevel !== null) return byLevel.groups ?? {};
  const byPlace = place.exec(text);
  const name = byPlace?.groups?.['place'];
  if (name === undefined || !(reader.places.has(name) || twoPlaces(name, reader.places))) return null;
  return byPlace?.groups ?? null;
}

function twoPlaces(name: string, places: ReadonlySet<string>): boolean {
  for (let i = 2; i <= name.length - 2; i++) if (places.has(name.slice(0, i)) && places.has(name.slice(i))) return true;
  return false;
}

/** The jurisdiction a body's name opens with (徐汇区 in 徐汇区促进就业工作), if any, and the rest of the name. */
function leadingPlace(body: string, reader: NameReader): { place: Place; rest: string } {
  for (let k = Math.min(body.length - 1, 24); k > 0; k--) {
    const groups = matchPrefix(body.slice(0, k), reader);
    if (groups !== null) return { place: placeOf(groups, reader), rest: body.slice(k) };
  }
  return { place: { type: 'none' }, rest: body };
}

/** A jurisdiction written inside a form (国家税务总局湘潭市税务局, 团市委): a place name or a one-word level. */
function readPlace(filled: string, reader: NameReader): Place {
  const groups = matchPrefix(filled, reader);
  return groups === null ? { type: 'none' } : placeOf(groups, reader);
}

function placeOf(groups: Record<string, string | undefined>, reader: NameReader): Place {
  const { lexicon } = reader;
  if (groups['national'] !== undefined) return { type: 'national' };
  if (groups['place'] !== undefined) return { type: 'named', name: lastPlace(groups['place'], reader.places) };
  const levels = groups['levels'];
  if (levels === undefined) return { type: 'none' };
  const items = levels
    .replace(/[（(][^）)]*[）)]/g, '')
    .split(/、|和|及|或者/)
    .filter((s) => s !== '');
  const only = items.length === 1 ? lexicon.prefixes.get(items[0] ?? '') : undefined;
  if (only?.selfReference === true) return { type: 'self', prefix: only };
  const found = new Set(items.flatMap((item) => lexicon.levelPhrases.get(item) ?? lexicon.prefixes.get(item)?.levels ?? []));
  return { type: 'levels', levels: LEVEL_ORDER.filter((l) => found.has(l)), phrase: items.some((item) => lexicon.levelPhrases.has(item)) };
}

export const LEVEL_ORDER: readonly Level[] = ['national', 'provincial', 'prefecture', 'county', 'township', 'grassroots'];

/** 上海市徐汇区 → 徐汇区: the innermost of the places printed. */
function lastPlace(name: string, places: ReadonlySet<string>): string {
  if (places.has(name)) return name;
  for (let i = 2; i <= name.length - 2; i++) if (places.has(name.slice(0, i)) && places.has(name.slice(i))) return name.slice(i);
  return name;
}

function takeNonOverlapping<T extends NameSpan & { rank: number }>(spans: readonly T[]): NameSpan[] {
  const taken: NameSpan[] = [];
  const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || b.rank - a.rank || a.start - b.start);
  for (const s of ordered) if (!taken.some((t) => overlaps(t, s))) taken.push({ start: s.start, end: s.end, items: s.items });
  return taken.sort((a, b) => a.start - b.start);
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
