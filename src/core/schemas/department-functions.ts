import { z } from 'astro/zod';
import { Level, Slug } from './jurisdictions.ts';
import { ownership, repeated } from './ownership.ts';

/**
 * `{j}` in an office pattern: where a jurisdiction stands — a place name with or without its level
 * (湘潭市, 湘潭) or a one-character level (市). In `abbreviations` it may also be empty (人社局 alone
 * means the issuer's own); in `formalPatterns` it is always filled (市委, 中共湘潭市委).
 */
export const JURISDICTION_SLOT = '{j}';

/** What follows the function word to make an office: 湘潭市 + 人力资源和社会保障 + 局. */
export const OfficeKind = z.enum([
  '部', '总局', '局', '分局', '厅', '署',
  '委员会', '委', '委员会办公室', '办公厅', '办公室', '办', '室',
  '中心', '所', '站', '院',
  '总队', '支队', '大队', '调查总队', '调查队',
  '总行', '分行', '中心支行', '支行', '营业管理部',
  '监管局', '监管分局', '监管支局',
]);
export type OfficeKind = z.output<typeof OfficeKind>;

/** Kinds that exist at the national level only, so an office named with one and no jurisdiction is national: 人力资源和社会保障部, 审计署. */
export const NATIONAL_KINDS: readonly OfficeKind[] = ['部', '署', '总局', '总行'];

/**
 * Heads that turn a function word into the function rather than one office: 财政部门, 教育行政部门,
 * 审计机关. Statutes name functions this way (《社会保险法》第七条), and 公文 use them for the issuer's
 * own office (湘潭: 人力资源社会保障部门). Longest first, so 行政主管部门 is never read as 部门.
 */
export const GENERIC_HEADS = ['行政主管部门', '行政管理部门', '主管部门', '行政部门', '管理部门', '部门', '行政机关', '机关'] as const;

/** A year of a reorganisation. */
const Year = z.number().int().min(1949).max(2100);

/** A printed office form with at most one `{j}`. */
const OfficePattern = z
  .string()
  .min(1)
  .refine((p) => p.split(JURISDICTION_SLOT).length <= 2, `an office pattern has at most one ${JURISDICTION_SLOT}`);

/** A function word an office used before a reorganisation renamed it. */
export const HistoricalName = z
  .object({
    /** The earlier function word as printed in office names: 劳动和社会保障, 国家税务. */
    name: z.string().min(1),
    /** Its short forms inside office names: 劳动保障, 国税. */
    aliases: z.array(z.string().min(1)),
    /** Whole abbreviated office names of the period: {j}地税局, 国家计委. */
    abbreviations: z.array(OfficePattern),
    /** Formal names that do not read jurisdiction + function + kind: 中国银行保险监督管理委员会{j}监管分局. */
    formalPatterns: z.array(OfficePattern),
    /** The year the name came into use, where it matters. */
    from: Year.optional(),
    /** The year it went out of use nationally, or at all where only local offices bore it. */
    until: Year,
    /** The year local offices had followed, where they lagged behind the national change. */
    localUntil: Year.optional(),
    /** The reorganisation that replaced it: 2008 国务院机构改革. */
    reorganisation: z.string().min(1),
    /** What happened, with its source. */
    reason: z.string().min(1),
  })
  .refine((h) => h.from === undefined || h.from < h.until, { message: 'from must precede until', path: ['from'] })
  .refine((h) => h.localUntil === undefined || h.localUntil > h.until, { message: 'localUntil is only given when later than until', path: ['localUntil'] });
export type HistoricalName = z.output<typeof HistoricalName>;

/**
 * Duties that moved here from another function. Informational only: an old office name of the other
 * function keeps resolving to that function (a 2015 民政局 is 民政, even where it led 优抚安置).
 */
export const Transfer = z.object({
  /** The id of the function the duties came from. */
  function: Slug,
  /** The duties that moved: 医疗救助. */
  part: z.string().min(1),
  /** The year of the move. */
  year: Year,
  /** The reorganisation and its source. */
  reason: z.string().min(1),
});
export type Transfer = z.output<typeof Transfer>;

/** One government function, with every way texts name it, national to township. */
export const DepartmentFunction = z
  .object({
    /** Stable ASCII id; with the jurisdiction it makes the office's entity id. */
    id: Slug,
    /** The canonical function word as printed in office names: 人力资源和社会保障. For bodies whose name is the whole office (总工会, 人民法院), the name itself. */
    name: z.string().min(1),
    /** Other function words in current names and short forms: 人力资源社会保障, 人社, 人力社保. */
    aliases: z.array(z.string().min(1)),
    /** Earlier function words, each with its years and the reorganisation that replaced it. */
    historical: z.array(HistoricalName),
    /** Duties that moved here from other functions in a reorganisation. */
    transferredFrom: z.array(Transfer).default([]),
    /** The kinds of office it takes; empty where the name is already the whole office (总工会, 残疾人联合会). */
    kinds: z.array(OfficeKind),
    /** The levels at which it has offices. */
    levels: z.array(Level).min(1),
    /** Whole abbreviated office names, with {j} where the jurisdiction goes: {j}人社局, 团{j}委, 人社部. */
    abbreviations: z.array(OfficePattern),
    /** Formal names that do not read jurisdiction + function + kind (vertical and party offices): 国家税务总局{j}税务局. */
    formalPatterns: z.array(OfficePattern),
    /** How statutes name the function without naming an office: 社会保险行政部门, 社会保险经办机构. */
    statutePhrases: z.array(z.string().min(1)),
    /** Why the function is listed, with the sources of its facts. */
    reason: z.string().min(1),
  })
  .superRefine((f, ctx) => {
    const lists = { aliases: f.aliases, kinds: f.kinds, levels: f.levels, abbreviations: f.abbreviations, formalPatterns: f.formalPatterns, statutePhrases: f.statutePhrases };
    for (const [key, values] of Object.entries(lists))
      for (const value of repeated(values)) ctx.addIssue({ code: 'custom', message: `${f.id}: "${value}" is listed twice in ${key}`, path: [key] });
    f.abbreviations.forEach((p, i) => {
      // An abbreviation may stand without its jurisdiction, so what is left must still be a name (市委 is not, 委 alone).
      if (p.replace(JURISDICTION_SLOT, '').length < 2)
        ctx.addIssue({ code: 'custom', message: `${f.id}: "${p}" without a jurisdiction is a single character; make it a formal pattern`, path: ['abbreviations', i] });
    });
    f.transferredFrom.forEach((t, i) => {
      if (t.function === f.id) ctx.addIssue({ code: 'custom', message: `${f.id}: a function cannot take duties from itself`, path: ['transferredFrom', i, 'function'] });
    });
  });
export type DepartmentFunction = z.output<typeof DepartmentFunction>;

/** Function words of an entry, current and historical: the words a name's middle part is matched against. */
function functionWords(f: DepartmentFunction): string[] {
  return [f.name, ...f.aliases, ...f.historical.flatMap((h) => [h.name, ...h.aliases])];
}

/**
 * Office forms of an entry, current and historical: abbreviations as they read with no jurisdiction
 * (人社局), since they may stand alone; formal patterns as written, since their jurisdiction is always filled.
 */
function officeForms(f: DepartmentFunction): string[] {
  const all = [f, ...f.historical];
  return [...all.flatMap((x) => x.abbreviations.map((p) => p.replace(JURISDICTION_SLOT, ''))), ...all.flatMap((x) => x.formalPatterns)];
}

/**
 * The function taxonomy (content/department-functions.json). Every function word, office form and
 * statute phrase belongs to one function, so a name resolves one way whatever the document's date.
 */
export const DepartmentFunctions = z
  .array(DepartmentFunction)
  .min(1)
  .superRefine((functions, ctx) => {
    const ids = new Set(functions.map((f) => f.id));
    const idOwner = ownership(ctx, 'id');
    const wordOwner = ownership(ctx, 'function word');
    const formOwner = ownership(ctx, 'office form');
    const phraseOwner = ownership(ctx, 'statute phrase');
    functions.forEach((f, i) => {
      idOwner(f.id, `entry ${i}`, [i, 'id']);
      for (const word of functionWords(f)) wordOwner(word, f.id, [i]);
      for (const form of officeForms(f)) formOwner(form, f.id, [i]);
      f.statutePhrases.forEach((p, k) => phraseOwner(p, f.id, [i, 'statutePhrases', k]));
      f.transferredFrom.forEach((t, k) => {
        if (!ids.has(t.function)) ctx.addIssue({ code: 'custom', message: `${f.id}: no function has the id "${t.function}"`, path: [i, 'transferredFrom', k, 'function'] });
      });
    });
  });
export type DepartmentFunctions = z.output<typeof DepartmentFunctions>;
