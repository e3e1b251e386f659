/**
 * Resolves a name found in a document to an office, a function at levels or a group, by its function
 * and by where it puts the office: the printed jurisdiction, else the document's region (市 in a 湘潭
 * text is 湘潭市; a bare 财政部门 in a 湘潭 text is 湘潭市's, in a national statute the function at
 * every level). Registry entries keep their ids.
 */
import { abbreviate, type DepartmentRules } from '#core/department-registry.ts';
import type { Document } from '#schemas/document.ts';
import type { Department, DepartmentMention } from '#schemas/entities.ts';
import type { Level } from '#schemas/jurisdictions.ts';
import type { AdminLevel } from '#schemas/sidecar.ts';
import { entityId, NATIONAL } from './department-ids.ts';
import type { Lexicon } from './department-lexicon.ts';
import { LEVEL_ORDER, type FoundName, type Place } from './department-names.ts';

/** The fields of a mention that say what its name stands for. */
export type Resolved = Pick<DepartmentMention, 'departmentId' | 'entityId' | 'resolution' | 'function' | 'jurisdiction' | 'levels' | 'group' | 'historical'>;

/** The document's government, as the names in it refer to it. */
export type DocumentPlace = {
  /** The document's own government: 湘潭市, or 国家 for a national text. */
  top: string;
  /** Its government and the ones it lies within, innermost first, without 国家. */
  chain: readonly string[];
  level: Level;
};

const SIDECAR_LEVELS: Readonly<Record<AdminLevel, Level>> = { national: 'national', province: 'provincial', city: 'prefecture', district: 'county', county: 'county' };

/** The placeholder region of a file ingested without a sidecar. */
const UNKNOWN_REGION = '未知';

/**
 * The document's region from its sidecar; for a file without one, from the places its title begins
 * with (郑州市失业保险条例 → 郑州市; 上海市徐汇区… → 徐汇区 within 上海市), else national
 * (中华人民共和国社会保险法, 工伤保险条例).
 */
export function documentPlace(doc: Pick<Document, 'meta'>, rules: DepartmentRules, lexicon: Lexicon): DocumentPlace {
  const { region } = doc.meta;
  if (region.name !== UNKNOWN_REGION) {
    const level = SIDECAR_LEVELS[region.level];
    return level === 'national' ? { top: NATIONAL, chain: [], level } : { top: region.name, chain: [region.name, ...[...region.within].reverse()], level };
  }
  const chain: string[] = [];
  for (let rest = doc.meta.title, place = leadingPlaceName(rest, lexicon.gazetteer); place !== null; place = leadingPlaceName(rest, lexicon.gazetteer)) {
    chain.unshift(place);
    rest = rest.slice(place.length);
  }
  const top = chain[0];
  if (top === undefined) return { top: NATIONAL, chain: [], level: 'national' };
  const levels = rules.jurisdictions.prefixes.find((p) => top.endsWith(p.prefix))?.levels ?? [];
  return { top, chain, level: levels.includes('prefecture') ? 'prefecture' : (levels[0] ?? 'prefecture') };
}

/** The longest gazetteer name `text` begins with. */
function leadingPlaceName(text: string, gazetteer: ReadonlySet<string>): string | null {
  for (let n = Math.min(text.length, 12); n >= 2; n--) if (gazetteer.has(text.slice(0, n))) return text.slice(0, n);
  return null;
}

export type Resolver = {
  place: DocumentPlace;
  resolve: (found: FoundName) => Resolved;
  /** Registry names and aliases as this document may print them. */
  registryForms: Map<string, Department>;
};

export function makeResolver(place: DocumentPlace, registry: readonly Department[], functionOf: ReadonlyMap<string, string>, lexicon: Lexicon): Resolver {
  const byOffice = new Map<string, Department>();
  for (const d of registry) {
    const fn = functionOf.get(d.id);
    if (fn !== undefined) byOffice.set(`${d.jurisdiction}\u0000${fn}`, d);
  }
  const suffixes = lexicon.placeSuffixes;
  const groupForms = [...lexicon.cores].filter(([, core]) => core.target.type === 'group').map(([form]) => form);
  const bodyForms = lexicon.slotForms.filter((s) => s.slot === 'body').map((s) => new RegExp(`${s.pattern.source}$`, 'u'));
  const isGroupName = (name: string) => groupForms.some((form) => name.endsWith(form)) || bodyForms.some((p) => p.test(name));

  const office = (jurisdiction: string, fn: string): Pick<Resolved, 'departmentId' | 'entityId'> => {
    const listed = byOffice.get(`${jurisdiction}\u0000${fn}`);
    return listed !== undefined ? { departmentId: listed.id, entityId: listed.id } : { departmentId: null, entityId: entityId({ jurisdiction, levels: null, name: fn }, suffixes) };
  };

  /** Where a name's place puts it: one government, or levels within the document's. */
  const locate = (p: Place, national: boolean, fnLevels: readonly Level[] | null): { jurisdiction: string; levels: Level[] | null } => {
    switch (p.type) {
      case 'national':
        return { jurisdiction: NATIONAL, levels: null };
      case 'named':
        return { jurisdiction: place.chain.find((j) => j === p.name || (p.name.length >= 2 && j.startsWith(p.name))) ?? p.name, levels: null };
      case 'self': {
        const own = place.chain.find((j) => j.endsWith(p.prefix.prefix));
        return own !== undefined ? { jurisdiction: own, levels: null } : { jurisdiction: place.top, levels: [...p.prefix.levels] };
      }
      case 'levels': {
        // 县级以上 in a 湘潭 text is the city and its counties: a level phrase means the levels within the
        // document's own area; printed levels (省、市) mean what they say.
        const within = p.levels.filter((l) => LEVEL_ORDER.indexOf(l) >= LEVEL_ORDER.indexOf(place.level));
        return { jurisdiction: place.top, levels: p.phrase && within.length > 0 ? within : p.levels };
      }
      case 'none': {
        if (national) return { jurisdiction: NATIONAL, levels: null };
        if (fnLevels === null) return { jurisdiction: place.top, levels: null };
        if (place.level === 'national') return { jurisdiction: NATIONAL, levels: [...fnLevels] };
        if (fnLevels.includes(place.level)) return { jurisdiction: place.top, levels: null };
        // A township function named in a city's text: that function at its own levels within the city.
        const below = fnLevels.filter((l) => LEVEL_ORDER.indexOf(l) > LEVEL_ORDER.indexOf(place.level));
        return { jurisdiction: place.top, levels: below.length > 0 ? below : [...fnLevels] };
      }
    }
  };

  const resolve = (found: FoundName): Resolved => {
    const { target } = found;
    switch (target.type) {
      case 'unknown':
        return { departmentId: null, entityId: null, resolution: 'unknown', function: null, jurisdiction: null, levels: null, group: false, historical: null };
      case 'registry': {
        const { entry } = target;
        // 街道办事处 is listed as a group (各街道办事处): the registry's own forms say what the entry is.
        const group = [found.name, entry.name, ...entry.aliases].some(isGroupName);
        return {
          departmentId: entry.id,
          entityId: entry.id,
          resolution: group ? 'group' : 'office',
          function: functionOf.get(entry.id) ?? null,
          jurisdiction: entry.jurisdiction,
          levels: null,
          group,
          historical: null,
        };
      }
      case 'group': {
        const { jurisdiction, levels } = locate(found.place, false, null);
        return {
          departmentId: null,
          entityId: entityId({ jurisdiction, levels, name: target.group.id, body: found.body }, suffixes),
          resolution: 'group',
          function: null,
          jurisdiction,
          levels: levels ?? target.group.levels ?? null,
          group: true,
          historical: null,
        };
      }
      case 'function': {
        const { fn, historical } = target;
        const located = locate(found.place, found.national, fn.levels);
        // A registry name is that entry's office, wherever the document is from.
        const { jurisdiction, levels } = found.listed === undefined ? located : { jurisdiction: found.listed.jurisdiction, levels: null };
        const ids =
          found.listed !== undefined
            ? { departmentId: found.listed.id, entityId: found.listed.id }
            : levels === null
              ? office(jurisdiction, fn.id)
              : { departmentId: null, entityId: entityId({ jurisdiction, levels, name: fn.id }, suffixes) };
        const group = found.each || (found.listed !== undefined && [found.listed.name, ...found.listed.aliases].some(isGroupName));
        return {
          ...ids,
          resolution: group ? 'group' : levels === null ? 'office' : 'level',
          function: fn.id,
          jurisdiction,
          levels,
          group,
          historical: historical === null ? null : { name: historical.name, until: historical.until, localUntil: historical.localUntil ?? null, reorganisation: historical.reorganisation },
        };
      }
    }
  };
  return { place, resolve, registryForms: surfaceForms(place, registry) };
}

/** Which government of the chain a one-character level refers to: 市 in a 徐汇区 document is 上海市. */
function jurisdictionAtLevel(chain: readonly string[], level: string): string | null {
  return chain.find((j) => j.endsWith(level)) ?? null;
}

/** Every way the document can print a registry entry of its own governments or the central one: names, aliases, level abbreviations. */
function surfaceForms(place: DocumentPlace, registry: readonly Department[]): Map<string, Department> {
  const forms = new Map<string, Department>();
  const add = (form: string, d: Department) => {
    if (!forms.has(form)) forms.set(form, d);
  };
  for (const j of [...place.chain, NATIONAL]) {
    const abbreviable = jurisdictionAtLevel(place.chain, j.at(-1) ?? '') === j;
    for (const d of registry.filter((d) => d.jurisdiction === j))
      for (const form of [d.name, ...d.aliases]) {
        add(form, d);
        const short = abbreviable ? abbreviate(form, j) : null;
        if (short !== null) add(short, d);
      }
  }
  return forms;
}
