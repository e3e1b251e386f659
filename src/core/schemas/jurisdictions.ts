import { z } from 'astro/zod';
import { ownership, repeated } from './ownership.ts';
import { Slug } from './sidecar.ts';

export { Slug };

/**
 * Levels of the state, national to township (《宪法》第三十条), plus the self-governing grassroots
 * (村、社区), which are not government but are given duties by statutes.
 */
export const Level = z.enum(['national', 'provincial', 'prefecture', 'county', 'township', 'grassroots']);
export type Level = z.output<typeof Level>;

/** `{l}` in a group phrase: a one-character level (省, 市, 区, 县 …) naming which government's units are meant. */
export const LEVEL_SLOT = '{l}';
/** `{x}` in a group phrase: the name of a coordination body (市就业工作领导小组, 某联席会议). */
export const BODY_SLOT = '{x}';

/** One jurisdiction prefix: the first part of a department name (湘潭市 + 人力资源和社会保障 + 局). */
export const JurisdictionPrefix = z.object({
  /** The prefix as printed: 国务院, 省, 市, 街道 … */
  prefix: z.string().min(1),
  /** The levels it can stand for; 市 is provincial (上海), prefecture (湘潭) or county level (县级市). */
  levels: z.array(Level).min(1),
  /** True where the bare prefix in a document means the government of that level in the document's own region chain (市人社局 in a 湘潭 text). */
  selfReference: z.boolean(),
  /** Names that show the prefix in use. */
  examples: z.array(z.string().min(1)).min(1),
  /** Why the prefix is listed, with its source. */
  reason: z.string().min(1),
});
export type JurisdictionPrefix = z.output<typeof JurisdictionPrefix>;

/** What a group phrase stands for. */
export const GroupScope = z.enum([
  /** Governments of one level within the issuer's area: 各县市区人民政府, 各乡镇人民政府. */
  'governments',
  /** Departments of a government, unnamed: 市直有关部门, 国务院其他有关部门. */
  'departments',
  /** The members of a coordination body named by {x}: X联席会议成员单位. */
  'members',
  /** A fixed set of functions named together: 社会救助管理部门. */
  'functions',
  /** Non-government units that cannot be told apart by function: 各高校, 各经办银行. */
  'institutions',
  /** A coordination body named by {x}, several departments acting together: X领导小组, X联席会议. */
  'body',
]);
export type GroupScope = z.output<typeof GroupScope>;

/**
 * A phrase that names several units at once and is kept as a group, never split into offices or dropped.
 * Where it equals a function's bare name (街道办事处, 乡镇人民政府) the group wins: a function names one
 * office only with a jurisdiction before it (徐家汇街道办事处).
 */
export const GroupPhrase = z
  .object({
    /** Stable ASCII id; with the document's jurisdiction it makes the group's entity id. */
    id: Slug,
    /** The usual form of the phrase. */
    phrase: z.string().min(1),
    /** Other printed forms with the same meaning. */
    variants: z.array(z.string().min(1)),
    /** What the phrase stands for. */
    scope: GroupScope,
    /** The levels it covers, where the phrase fixes them. */
    levels: z.array(Level).min(1).optional(),
    /** For scope `functions`: the ids of the functions named (see department-functions.json). */
    functions: z.array(Slug).min(2).optional(),
    /** Why it is a group, with its source. */
    reason: z.string().min(1),
  })
  .superRefine((g, ctx) => {
    if ((g.scope === 'functions') !== (g.functions !== undefined))
      ctx.addIssue({ code: 'custom', message: `${g.id}: a list of functions goes with scope "functions" and only with it`, path: ['functions'] });
    const forms = [g.phrase, ...g.variants];
    for (const form of repeated(forms)) ctx.addIssue({ code: 'custom', message: `${g.id}: "${form}" is listed twice`, path: ['variants'] });
    forms.forEach((form, i) => {
      const path = i === 0 ? ['phrase'] : ['variants', i - 1];
      if (form.includes(BODY_SLOT) && g.scope !== 'members' && g.scope !== 'body')
        ctx.addIssue({ code: 'custom', message: `${g.id}: ${BODY_SLOT} names a coordination body, so only "members" and "body" groups may use it`, path });
      if (form.split(LEVEL_SLOT).length > 2 || form.split(BODY_SLOT).length > 2)
        ctx.addIssue({ code: 'custom', message: `${g.id}: "${form}" uses a slot twice`, path });
    });
  });
export type GroupPhrase = z.output<typeof GroupPhrase>;

/**
 * A phrase that names governments by level, not by place: 县级以上地方, 设区的市级, 各级. Before a
 * function (县级以上地方人民政府社会保险行政部门) it makes the name a function at those levels, never one
 * office; several prefixes joined by 、 or 和 (省、自治区、直辖市; 市、县) do the same without a listed phrase.
 */
export const LevelPhrase = z.object({
  /** The phrase as printed, without the 人民政府 that may follow it. */
  phrase: z.string().min(1),
  /** The levels it covers. */
  levels: z.array(Level).min(1),
  /** Why it is listed, with its source. */
  reason: z.string().min(1),
});
export type LevelPhrase = z.output<typeof LevelPhrase>;

/**
 * A word that places an office relative to the case or to another body (同级, 当地, 统筹地区): it is
 * part of the printed name but fixes no jurisdiction, so the name resolves as if it were absent.
 */
export const RelativeQualifier = z.object({
  phrase: z.string().min(1),
  /** Why it is listed, with its source. */
  reason: z.string().min(1),
});
export type RelativeQualifier = z.output<typeof RelativeQualifier>;

/** The jurisdiction prefixes, level phrases, relative qualifiers and group phrases (content/jurisdictions.json). */
export const Jurisdictions = z
  .object({
    /** Jurisdiction prefixes, national to grassroots. */
    prefixes: z.array(JurisdictionPrefix).min(1),
    /** Phrases naming governments by level. */
    levelPhrases: z.array(LevelPhrase).min(1),
    /** Words that locate an office relative to the case. */
    relativeQualifiers: z.array(RelativeQualifier).min(1),
    /** Phrases kept as groups. */
    groups: z.array(GroupPhrase).min(1),
  })
  .superRefine((j, ctx) => {
    // A word before a function is read one way only: as a prefix, a level phrase or a relative qualifier.
    const qualifierOwner = ownership(ctx, 'qualifier');
    j.prefixes.forEach((p, i) => qualifierOwner(p.prefix, `prefixes[${i}]`, ['prefixes', i, 'prefix']));
    j.levelPhrases.forEach((p, i) => qualifierOwner(p.phrase, `levelPhrases[${i}]`, ['levelPhrases', i, 'phrase']));
    j.relativeQualifiers.forEach((p, i) => qualifierOwner(p.phrase, `relativeQualifiers[${i}]`, ['relativeQualifiers', i, 'phrase']));
    const idOwner = ownership(ctx, 'group id');
    // One printed form must name one group, or the same words would mean two sets of units.
    const formOwner = ownership(ctx, 'group phrase');
    j.groups.forEach((g, i) => {
      idOwner(g.id, `groups[${i}]`, ['groups', i, 'id']);
      for (const form of [g.phrase, ...g.variants]) formOwner(form, g.id, ['groups', i]);
    });
  });
export type Jurisdictions = z.output<typeof Jurisdictions>;
