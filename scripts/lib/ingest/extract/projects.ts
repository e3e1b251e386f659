import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Document } from '#schemas/document.ts';
import type { Project } from '#schemas/entities.ts';
import type { Row, Table } from '#schemas/structure.ts';
import { parseChineseNumeral } from '#core/chinese/numerals.ts';
import { sentences, tableRows, textUnits } from './units.ts';

type Kind = Project['kind'];
type Category = Project['category'];

/** The columns of a project table, found by the words their headings end with. */
type ProjectColumns = {
  kind: Kind;
  number: string | null;
  category: string | null;
  name: string;
  goal: string | null;
  requirements: string | null;
  regions: string | null;
  deadline: string | null;
};

// Tables abbreviate the category to its first character (就 / 社 / 综) as often as they spell it out.
const CATEGORIES: Readonly<Record<string, Category>> = {
  就: '就业', 就业: '就业',
  社: '社会保障', 社保: '社会保障', 社会保障: '社会保障',
  综: '综合', 综合: '综合',
};

/** Reads the pilot (试点) and demonstration (示范) projects from annex tables whose columns name them. */
export function extractProjects(doc: Document): { projects: Project[]; diagnostics: Diagnostic[] } {
  const projects: Project[] = [];
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, message: string, line: number) =>
    diagnostics.push({ level: 'warning', code, message, file: doc.sourceFile, line });
  const columnsByTable = new Map<Table, ProjectColumns | null>();
  for (const { table, row } of tableRows(doc)) {
    if (!columnsByTable.has(table)) columnsByTable.set(table, projectColumns(table.columns));
    const columns = columnsByTable.get(table);
    if (!columns) continue;
    const project = readProject(doc.id, row, columns, warn);
    if (project) projects.push(project);
  }
  return { projects, diagnostics };
}

function projectColumns(columns: readonly string[]): ProjectColumns | null {
  const find = (pattern: RegExp) => columns.find((c) => pattern.test(c)) ?? null;
  const name = find(/(?:试点|示范)项目$/);
  if (name === null) return null;
  return {
    kind: name.startsWith('试点') ? '试点' : '示范',
    number: find(/^(?:序号|编号)$/),
    category: find(/^(?:类别|类型)$/),
    name,
    goal: find(/目标$/),
    // The demonstration table calls its requirements 内容 (what a demonstration must show).
    requirements: find(/(?:要求|内容)$/),
    regions: find(/(?:地区|地点|单位)$/),
    deadline: find(/^(?:时间|完成时间|时限|期限)$/),
  };
}

function readProject(
  documentId: string,
  row: Row,
  columns: ProjectColumns,
  warn: (code: string, message: string, line: number) => void,
): Project | null {
  const cell = (column: string | null) => (column === null ? '' : (row.cells.find((c) => c.column === column)?.value.trim() ?? ''));
  const line = row.lines.start;
  const name = cell(columns.name);
  if (name === '') {
    warn('project-name-missing', `row ${row.id} has no ${columns.name}`, line);
    return null;
  }
  const number = parseNumber(row.num ?? cell(columns.number));
  if (number === null) {
    warn('project-number-invalid', `project ${name} has no usable number (序号 ${JSON.stringify(row.num ?? cell(columns.number))})`, line);
    return null;
  }
  const categoryText = cell(columns.category);
  const category = CATEGORIES[categoryText];
  if (category === undefined) {
    warn('project-category-unknown', `project ${name}: category ${JSON.stringify(categoryText)} is not 就业, 社会保障 or 综合`, line);
    return null;
  }
  const deadlineText = cell(columns.deadline);
  const deadline = parseDeadlineYear(deadlineText);
  if (deadline === null && deadlineText !== '') {
    warn('project-deadline-unclear', `project ${name}: cannot read a year from ${columns.deadline ?? '时间'} ${JSON.stringify(deadlineText)}`, line);
  }
  const regionsText = cell(columns.regions);
  return {
    id: `${documentId}/${columns.kind === '试点' ? 'pilot' : 'demo'}-${number}`,
    documentId,
    rowId: row.id,
    line,
    kind: columns.kind,
    number,
    category,
    name,
    goal: cell(columns.goal),
    requirements: cell(columns.requirements),
    regions: splitRegions(regionsText),
    regionsText,
    deadline,
  };
}

function parseNumber(text: string): number | null {
  const value = /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
  return value !== null && Number.isInteger(value) && value > 0 ? value : null;
}

/** One year (2015年), or the later end of a span of years (2012-2015年); anything else is unclear. */
function parseDeadlineYear(text: string): number | null {
  const single = /^(\d{4})\s*年?$/.exec(text);
  if (single) return Number(single[1]);
  const span = /^(\d{4})\s*年?\s*[-—–~～至到]\s*(\d{4})\s*年?$/.exec(text);
  if (span && Number(span[2]) >= Number(span[1])) return Number(span[2]);
  return null;
}

const ADMIN_SUFFIX = '(?:市区|市|县|区|旗|镇|乡|街道)';
// A name ending in an administrative unit, short enough to be a name rather than a phrase (盐城市亭湖区).
const ADMIN_NAME = new RegExp(`^[\\p{Script=Han}]{1,8}${ADMIN_SUFFIX}$`, 'u');
const LEADING_ADMIN_NAME = new RegExp(`^[\\p{Script=Han}]{1,8}?${ADMIN_SUFFIX}`, 'u');
// 6市, 4市, 等市, 3个县: closes a list of bare names (南京、无锡…6市), telling they are places.
const COLLECTIVE = /^(\p{Script=Han}+?)(?:等?(?:\d+|[一二三四五六七八九十两]+)个?|等)(?:城市|县市|市|县|区|地)/u;
// Quantified references (每个省辖市, 全省各市, 有关地区) name no place.
const QUANTIFIER = /^(?:每|各|全|所有|部分|有关|相关|其他|其余)|的/;
const PREPOSITION = /(在|到)/;

/**
 * Splits a regions cell into the places it names. The cell is read as lists joined by 、和及与,
 * parenthesised asides dropped; a list item is a place when
 * - the whole cell is such a list of clean names (南京市、南通市; 苏州; named institutions), or
 * - it ends in an administrative unit (苏州市区, 宿迁市宿城区), or
 * - its list is closed by a collective (南京、无锡…6市, 无锡、徐州、苏州等市).
 * Inside descriptive text, a place right after 在/到 is also taken (在南京市先行开展试点 → 南京市).
 * Quantified or counted items (每个省辖市确定1个县, 全省各市, 36家…单位) are never places,
 * so a purely descriptive cell gives an empty list and only regionsText keeps it.
 */
export function splitRegions(cell: string): string[] {
  const text = cell.replace(/[(（][^()（）]*[)）]/g, '').replace(/[。.]$/, '').trim();
  if (text === '') return [];
  const clauses = text.split(/[,，;；:：]/).filter((c) => c !== '');
  const plain = clauses.length === 1 && !PREPOSITION.test(text) && listItems(text).every(isCleanName);
  if (plain) return unique(listItems(text));
  return unique(clauses.flatMap(placesInClause));
}

function listItems(text: string): string[] {
  return text.split(/、|(?<=\p{Script=Han})(?:和|及|与)(?=\p{Script=Han})/u).map((s) => s.trim()).filter((s) => s !== '');
}

function isCleanName(item: string): boolean {
  return /^\p{Script=Han}{2,15}$/u.test(item) && !QUANTIFIER.test(item);
}

function placesInClause(clause: string): string[] {
  const places: string[] = [];
  // Each segment after 在/到 starts with what the preposition points at.
  const segments = clause.split(PREPOSITION);
  let afterPreposition = false;
  for (const segment of segments) {
    if (PREPOSITION.test(segment) && segment.length === 1) {
      afterPreposition = true;
      continue;
    }
    places.push(...placesInSegment(segment, afterPreposition));
    afterPreposition = false;
  }
  return places;
}

function placesInSegment(segment: string, afterPreposition: boolean): string[] {
  const items = listItems(segment);
  const places: string[] = [];
  let pending: string[] = [];
  for (const [index, item] of items.entries()) {
    const collective = COLLECTIVE.exec(item);
    if (collective?.[1] !== undefined && isCleanName(collective[1])) {
      places.push(...pending.filter(isCleanName), collective[1]);
      pending = [];
    } else if (ADMIN_NAME.test(item) && !QUANTIFIER.test(item)) {
      places.push(item);
    } else if (index === 0 && afterPreposition) {
      const leading = LEADING_ADMIN_NAME.exec(item)?.[0];
      if (leading !== undefined && !QUANTIFIER.test(leading)) places.push(leading);
      else pending.push(item);
    } else {
      pending.push(item);
    }
  }
  return places;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

const COUNT = '(?<count>\\d+|[一二三四五六七八九十两]+)';
const KIND_WORDS = '(?<kind>试点|示范)(?:、?(?<other>试点|示范))?';
// 试点项目13个 and 13个试点项目; 试点、示范项目24个 counts both kinds together.
const COUNT_PATTERNS = [new RegExp(`${KIND_WORDS}项目${COUNT}个`, 'g'), new RegExp(`${COUNT}个${KIND_WORDS}项目`, 'g')];
// 2012年完成或达标的10项: a year and how many projects fall due in it, within one clause.
const YEAR_COUNT = /(\d{4})年[^\d,，;；。]*?(\d+)项/g;

/**
 * Compares what the running text says about the projects with the projects read from the tables:
 * counts per kind (试点项目13个), counts per deadline year (2013年8项) and quoted project names.
 * Returns a warning per mismatch; a document without project tables is not checked.
 */
export function crossCheckProjects(doc: Document, projects: readonly Project[]): Diagnostic[] {
  if (projects.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, message: string, line: number) =>
    diagnostics.push({ level: 'warning', code, message, file: doc.sourceFile, line });
  for (const unit of textUnits(doc)) {
    for (const sentence of sentences(unit.text)) {
      for (const { kinds, stated } of statedCounts(sentence)) {
        const actual = projects.filter((p) => kinds.includes(p.kind)).length;
        if (actual !== stated) warn('project-count-mismatch', `the text states ${stated} ${kinds.join('、')}项目 but the tables list ${actual}`, unit.line);
      }
      if (!/试点|示范/.test(sentence)) continue;
      for (const [year, stated] of statedYearCounts(sentence)) {
        const actual = projects.filter((p) => p.deadline === year).length;
        if (actual !== stated) warn('project-count-mismatch', `the text states ${stated} projects due in ${year} but the tables list ${actual}`, unit.line);
      }
    }
    for (const name of quotedProjectNames(unit.text)) {
      if (!projects.some((p) => sameProject(p.name, name))) {
        warn('project-unknown', `the text names the project “${name}”, which no project table lists`, unit.line);
      }
    }
  }
  return diagnostics;
}

function statedCounts(sentence: string): { kinds: Kind[]; stated: number }[] {
  const counts: { kinds: Kind[]; stated: number }[] = [];
  for (const pattern of COUNT_PATTERNS) {
    for (const m of sentence.matchAll(pattern)) {
      const stated = parseNumber(m.groups?.['count'] ?? '');
      const kinds = [m.groups?.['kind'], m.groups?.['other']].filter((k): k is Kind => k === '试点' || k === '示范');
      if (stated !== null) counts.push({ kinds, stated });
    }
  }
  return counts;
}

function statedYearCounts(sentence: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of sentence.matchAll(YEAR_COUNT)) counts.set(Number(m[1]), Number(m[2]));
  return counts;
}

/** Quoted phrases that name a pilot or demonstration (“…试点”, “…示范项目”). */
function quotedProjectNames(text: string): string[] {
  return [...text.matchAll(/[“"]([^“”"]{2,40})[”"]/g)]
    .map((m) => m[1] ?? '')
    .filter((q) => /(?:试点|示范)(?:项目|工程|点|区|城市|基地)?$/.test(q));
}

function sameProject(tableName: string, quoted: string): boolean {
  const bare = (s: string) => s.replace(/[“”"「」]/g, '');
  return bare(tableName).includes(bare(quoted)) || bare(quoted).includes(bare(tableName));
}
