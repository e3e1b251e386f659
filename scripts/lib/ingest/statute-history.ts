import type { HistoryEvent, HistoryEventKind } from '#schemas/document.ts';
import { fullDatesIn } from './chinese-dates.ts';
import { STRUCTURE_START, type Found } from './metadata-block.ts';
import { isOrganName } from './organ-names.ts';

/**
 * A statute's history as printed under its title, one event per dated phrase:
 *   2010年10月28日 第十一届全国人民代表大会常务委员会第十七次会议通过
 *   2018年6月29日 中华人民共和国国务院令第700号公布
 *   （2007年6月29日…通过　根据2012年12月28日…《关于修改〈…〉的决定》修正）
 * Several events may share a line, and a line may end in the 根据 that leads into the next one.
 */

/** A history event and, when its line prints one, the order it was promulgated under (国务院令第586号). */
export type ReadEvent = HistoryEvent & { order: string | null };

/** The verbs of a history line; the compounds first, so that 修订通过 is read whole. */
const VERB = /修订通过|修正通过|审议通过|通过|批准|公布|发布|颁布|修正|修订|施行|执行|实施/g;
/** 自发布之日起施行 in a history line is a statement about validity, not an event of its own. */
const RELATIVE_IN_FORCE = /[自从]?(?:发布|公布|颁布|印发)之日起?(?:施行|执行|生效)/g;
/** Where the deciding body stops: a cited decision, 关于修改…, the verb, or 第一次修正. */
const BODY_END = /《|关于|的决定|第[一二三四五六七八九十\d]+次(?:修正|修订)|修订通过|修正通过|审议通过|通过|批准|公布|发布|颁布|修正|修订|施行|执行|实施/;
/** An order number: 中华人民共和国国务院令第700号, 国家统计局令第1号, 海关总署第61号令, …公告第17号. */
const ORDER = /^(.*?)(令第[\d一二三四五六七八九十百零〇]+号|第[\d一二三四五六七八九十百零〇]+号令|公告第[\d一二三四五六七八九十百零〇]+号)$/;

/** Whether a line is a history line: an optional （ or 根据, then a date, and a verb after it; no sentence. */
export function isHistoryLine(text: string): boolean {
  return readHistoryLine(text, 1).length > 0;
}

/** The events one line states, or [] when it is not a history line. */
export function readHistoryLine(text: string, line: number): ReadEvent[] {
  const inner = text.trim().replace(/^[（(]/, '').replace(/[）)]$/, '').trim();
  // Events are separated by spaces or 根据, never by sentence punctuation or a clause's comma.
  if (inner === '' || /[。；;|\t]|[，,](?![\s\u3000]*根据)/.test(inner)) return [];
  const dates = fullDatesIn(inner);
  const first = dates[0];
  if (first === undefined || !/^(?:根据)?\s*$/.test(inner.slice(0, first.start))) return [];
  const events: ReadEvent[] = [];
  for (const [i, date] of dates.entries()) {
    const next = dates[i + 1];
    const phrase = inner
      .slice(date.end, next === undefined ? inner.length : next.start)
      .replace(/[\s\u3000]*(?:根据)?[\s\u3000，,）)]*$/, '')
      .trim();
    const kind = eventKind(phrase);
    if (kind === null || date.iso === null) continue;
    const printed = eventBody(phrase);
    const order = printed === null ? null : (ORDER.exec(printed)?.[0] ?? null);
    events.push({ kind, date: date.iso, body: printed, line, order });
  }
  return events;
}

/** The kind of event a phrase states: its last verb, read with what comes before (修订通过, 修正公布). */
function eventKind(phrase: string): HistoryEventKind | null {
  const words = phrase.replace(/《[^》]*》/g, '').replace(RELATIVE_IN_FORCE, '');
  const verbs = [...words.matchAll(VERB)].map((m) => m[0]);
  const last = verbs.at(-1);
  if (last === undefined) return null;
  const amendedBefore = verbs.includes('修正') ? 'amended' : verbs.includes('修订') ? 'revised' : null;
  switch (last) {
    case '修订通过':
    case '修订':
      return 'revised';
    case '修正通过':
    case '修正':
      return 'amended';
    case '批准':
      return 'approved';
    case '施行':
    case '执行':
    case '实施':
      return 'in-force';
    case '公布':
    case '发布':
    case '颁布':
      return amendedBefore ?? 'promulgated';
    default:
      return amendedBefore ?? 'adopted';
  }
}

/** The deciding body as printed before the verb, without the particles 经 and 的; null when none is named. */
function eventBody(phrase: string): string | null {
  const end = BODY_END.exec(phrase)?.index ?? phrase.length;
  const body = phrase.slice(0, end).trim().replace(/^[经由]/, '').replace(/的$/, '').trim();
  return body === '' ? null : body;
}

/**
 * The institution a printed body stands for: the body without its session (第十届), its meeting
 * (第十七次会议, 第7次常务会议) or its order number; null when what is left is not an organ's name.
 * 第十一届全国人民代表大会常务委员会第十七次会议 → 全国人民代表大会常务委员会;
 * 中华人民共和国国务院令第700号 → 国务院 (an order is styled with the state's name);
 * 最高人民法院公告 → 最高人民法院.
 */
export function institutionOf(body: string): string | null {
  const order = ORDER.exec(body);
  let name = order === null ? body : (order[1] ?? '').replace(/^中华人民共和国(?=.)/, '');
  name = name
    .replace(/公告$/, '')
    .replace(/第[\d一二三四五六七八九十百零〇]+号$/, '')
    .replace(/第[\d一二三四五六七八九十百零〇]+次?[\p{Script=Han}]{0,4}?会议$|第[\d一二三四五六七八九十百零〇]+次$/u, '')
    .replace(/第?[一二三四五六七八九十百]+届/g, '')
    .trim();
  return isOrganName(name) ? name : null;
}

/** The history lines between the title and the body (its first article, chapter or 一、 heading), but the lines in `skip`. */
export function readHistory(lines: readonly string[], skip: ReadonlySet<number>): ReadEvent[] {
  const events: ReadEvent[] = [];
  for (const [index, raw] of lines.entries()) {
    const text = raw.trim();
    if (STRUCTURE_START.test(text)) break;
    if (!skip.has(index + 1)) events.push(...readHistoryLine(text, index + 1));
  }
  return events;
}

/** What a statute's history says of the statute; each value at the line of the event it comes from. */
export type StatuteFacts = {
  /** The institution of the body that adopted it, else promulgated, approved, revised or amended it. */
  issuer: Found | null;
  /** The date of its current version: its latest event but 施行. */
  date: Found | null;
  /** The order it was last promulgated under (国务院令第586号). */
  docNumber: Found | null;
  /** Its latest 施行 event. */
  inForce: Found | null;
  /** The day it was last promulgated. */
  promulgated: string | null;
};

/** Which event names a statute's issuer, in order of preference. */
const ISSUING_EVENTS: readonly HistoryEventKind[] = ['adopted', 'promulgated', 'approved', 'revised', 'amended'];

/**
 * The facts of a statute's history. Its issuer is the title's organ when the adopting body is part of
 * it (最高人民法院 for 最高人民法院审判委员会), and a body named by its level alone (市人民代表大会常务委员会)
 * is the one of the place the title opens with.
 */
export function statuteFacts(events: readonly ReadEvent[], title: string | null, titleIssuer: string | null): StatuteFacts {
  const issuing = ISSUING_EVENTS.flatMap((kind) => events.filter((e) => e.kind === kind))
    .map((event) => ({ event, institution: event.body === null ? null : institutionOf(event.body) }))
    .find((candidate) => candidate.institution !== null);
  const institution = issuing?.institution ?? null;
  const issuer =
    institution === null || issuing === undefined
      ? null
      : { value: titleIssuer !== null && institution.startsWith(titleIssuer) ? titleIssuer : withPlace(institution, title), line: issuing.event.line };
  const dated = latest(events.filter((e) => e.kind !== 'in-force'));
  const ordered = latest(events.filter((e) => e.order !== null && e.kind === 'promulgated')) ?? latest(events.filter((e) => e.order !== null));
  const inForce = latest(events.filter((e) => e.kind === 'in-force'));
  return {
    issuer,
    date: dated === undefined ? null : { value: dated.date, line: dated.line },
    docNumber: ordered?.order ? { value: ordered.order, line: ordered.line } : null,
    inForce: inForce === undefined ? null : { value: inForce.date, line: inForce.line },
    promulgated: latest(events.filter((e) => e.kind === 'promulgated'))?.date ?? null,
  };
}

function withPlace(institution: string, title: string | null): string {
  const level = institution[0];
  if (title === null || (level !== '市' && level !== '省')) return institution;
  const place = new RegExp(`^([^省市县区\\s]{2,4}?)${level}`).exec(title)?.[1];
  return place === undefined ? institution : place + institution;
}

/** The latest of some events (the last printed, of those on the same day). */
function latest(events: readonly ReadEvent[]): ReadEvent | undefined {
  return events.reduce<ReadEvent | undefined>((best, e) => (best === undefined || e.date >= best.date ? e : best), undefined);
}
