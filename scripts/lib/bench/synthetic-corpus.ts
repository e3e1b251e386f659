import type { Document } from '#schemas/document.ts';
import type { SourceMeta } from '#schemas/sidecar.ts';
import type { Block, LineSpan, Part, Provision } from '#schemas/structure.ts';

/** A real document of the corpus, ingested, with the sidecar it was ingested with. */
export type CorpusSeed = { document: Document; sidecar: SourceMeta };

/** One synthetic source: the text as it would be published, its sidecar, and what it was made of. */
export type GeneratedSource = {
  id: string;
  text: string;
  sidecar: SourceMeta;
  /** The seed whose layout, heading and metadata the document keeps. */
  layout: string;
  /** The section in each slot, as `<seed id>#<node id>`. */
  sections: string[];
};

/** A run of source lines copied verbatim, or a top-level section (一、…) moved into a slot and relabelled. */
type Segment = { part: string; span: LineSpan; tables: readonly string[]; from: CorpusSeed; relabel: { from: string; to: string } | null };

/** A top-level numbered section of a seed, with the tables inside it in order. */
type Section = { seed: CorpusSeed; provision: Provision; span: LineSpan; tables: readonly string[] };

/** A seed's line layout: verbatim runs between slots, where each slot holds one top-level section. */
type Skeleton = { seed: CorpusSeed; pieces: readonly ({ kind: 'keep'; part: string; span: LineSpan; tables: readonly string[] } | { kind: 'slot'; part: string; label: string })[] };

const ID_WIDTH = 5;
const SERIAL_BASE = 10000;
// Draws before accepting a repeated combination: a layout with few slots runs out of combinations and yields to others.
const MAX_DRAWS = 20;

/** Mulberry32: a small, fast, seedable PRNG whose sequence is the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The id of the k-th (1-based) synthetic document, e.g. `bench-00042`. */
export function benchId(k: number): string {
  return `bench-${String(k).padStart(ID_WIDTH, '0')}`;
}

/**
 * Makes `count` synthetic sources from the seeds: document k keeps the layout, heading and metadata
 * of one seed and fills each of its top-level sections (一、…) with a section drawn from any seed in
 * the same script, renumbered to its slot, so the text stays real published Chinese (traditional
 * with its pinyin artefacts, or simplified). Document k depends only on the seed and on documents
 * 1…k-1, so a smaller corpus is a prefix of a larger one.
 */
export function generateCorpus(seeds: readonly CorpusSeed[], count: number, seed = 1): GeneratedSource[] {
  // A duplicate seed repeats another's text, so it lends its sections (in its own script) but is no layout.
  const skeletons = seeds.filter((s) => s.document.duplicateOf === null).map(skeletonOf).filter((s) => s.pieces.some((p) => p.kind === 'slot'));
  const pools = new Map(skeletons.map((s) => [s.seed.document.script, seeds.filter((x) => x.document.script === s.seed.document.script).flatMap(sectionsOf)]));
  if (skeletons.length === 0) throw new Error('generateCorpus: no seed has top-level numbered sections (一、…) to recombine');
  // The seeds' own combinations are taken: a synthetic copy of a real document would be linked to it as a duplicate.
  const seen = new Set(skeletons.map((s) => [s.seed.document.id, ...sectionsOf(s.seed).map(sectionName)].join(' ')));
  const realNumbers = new Set(seeds.flatMap((s) => (s.document.meta.docNumber === null ? [] : [s.document.meta.docNumber])));
  const out: GeneratedSource[] = [];
  for (let k = 1; k <= count; k++) {
    const random = prng(Math.imul(seed, 0x9e3779b1) ^ k);
    let draft = draw(skeletons, pools, random);
    for (let n = 1; n < MAX_DRAWS && seen.has(draft.signature); n++) draft = draw(skeletons, pools, random);
    seen.add(draft.signature);
    out.push(assemble(k, draft.skeleton, draft.sections, realNumbers));
  }
  return out;
}

type Draft = { skeleton: Skeleton; sections: Section[]; signature: string };

/** A layout and, for each of its slots, a section in the same script: a document never mixes scripts line by line. */
function draw(skeletons: readonly Skeleton[], pools: ReadonlyMap<string, readonly Section[]>, random: () => number): Draft {
  const skeleton = pick(skeletons, random);
  const pool = pools.get(skeleton.seed.document.script) ?? [];
  const sections = skeleton.pieces.filter((p) => p.kind === 'slot').map(() => pick(pool, random));
  const signature = [skeleton.seed.document.id, ...sections.map(sectionName)].join(' ');
  return { skeleton, sections, signature };
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Parts whose top-level sections are interchangeable: the body of a document, not a cover notice or an annex. */
function isBody(part: Part): boolean {
  return part.kind === 'document' || part.kind === 'main';
}

function isSection(block: Block): block is Provision {
  return block.type === 'provision' && block.kind === 'numbered' && block.level === 1;
}

function tablesIn(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'table' ? [b.id] : b.type === 'provision' ? tablesIn(b.children) : []));
}

function sectionsOf(seed: CorpusSeed): Section[] {
  return seed.document.parts.filter(isBody).flatMap((part) =>
    blockSpans(part).flatMap(({ block, span }) => (isSection(block) ? [{ seed, provision: block, span, tables: tablesIn(block.children) }] : [])),
  );
}

/** Every top-level block with the lines it covers, in order: a block ends where the next begins. */
function blockSpans(part: Part): { block: Block; span: LineSpan }[] {
  const starts = part.children.map((b) => (b.type === 'paragraph' ? b.line : b.lines.start));
  return part.children.map((block, i) => ({ block, span: { start: starts[i] ?? part.lines.start, end: (starts[i + 1] ?? part.lines.end + 1) - 1 } }));
}

function skeletonOf(seed: CorpusSeed): Skeleton {
  const { document } = seed;
  const pieces: Skeleton['pieces'][number][] = [];
  const keep = (part: string, start: number, end: number, tables: readonly string[]) => {
    if (end >= start) pieces.push({ kind: 'keep', part, span: { start, end }, tables });
  };
  let next = 1;
  for (const part of document.parts) {
    keep(part.id, next, part.lines.start - 1, []);
    next = part.lines.start;
    for (const { block, span } of blockSpans(part)) {
      if (isBody(part) && isSection(block)) {
        keep(part.id, next, span.start - 1, []);
        pieces.push({ kind: 'slot', part: part.id, label: block.label });
        next = span.end + 1;
      } else {
        keep(part.id, next, span.end, block.type === 'paragraph' ? [] : tablesIn([block]));
        next = span.end + 1;
      }
    }
  }
  keep(document.parts[document.parts.length - 1]?.id ?? 'm', next, document.originalLines.length, []);
  return { seed, pieces };
}

function sectionName(section: Section): string {
  return `${section.seed.document.id}#${section.provision.id}`;
}

function assemble(k: number, skeleton: Skeleton, choice: readonly Section[], realNumbers: ReadonlySet<string>): GeneratedSource {
  let slot = 0;
  const segments: Segment[] = skeleton.pieces.map((piece) => {
    if (piece.kind === 'keep') return { part: piece.part, span: piece.span, tables: piece.tables, from: skeleton.seed, relabel: null };
    const section = choice[slot++];
    if (!section) throw new Error('assemble: fewer sections than slots');
    return { part: piece.part, span: section.span, tables: section.tables, from: section.seed, relabel: { from: section.provision.label, to: piece.label } };
  });
  const titles = issuedTitles(skeleton.seed);
  const tag = benchTag(k);
  const lines = segments.flatMap((segment) => (segment.relabel === null ? segmentLines(segment).map((line) => retitle(line, titles, tag)) : segmentLines(segment)));
  return { id: benchId(k), text: lines.join('\n'), sidecar: sidecarFor(k, skeleton.seed, segments, realNumbers), layout: skeleton.seed.document.id, sections: choice.map(sectionName) };
}

/** `（基准样本00042）`: what makes a synthetic document's names its own. */
function benchTag(k: number): string {
  const id = benchId(k);
  return `（基准样本${id.slice(id.indexOf('-') + 1)}）`;
}

/**
 * The titles of the documents a seed issues (湘潭市进一步做好稳就业工作二十四条措施), as printed on
 * their title lines: the text names them, not the sidecar, so a copy of the layout would carry them.
 */
function issuedTitles(seed: CorpusSeed): string[] {
  const { document } = seed;
  return document.parts.flatMap((p) => (p.kind === 'document' && p.title !== null ? [(document.originalLines[p.lines.start - 1] ?? '').trim()] : [])).filter((t) => t !== '');
}

/**
 * An issued document's title with the document's tag, wherever the layout prints it (its title line
 * and the cover's 《…》): a real corpus has one document under a title, and 200 synthetic documents
 * issuing 《湘潭市进一步做好稳就业工作二十四条措施》 made its formal citations ambiguous. The cover
 * still cites the title its title line prints, so the ingest finds the issued document as before.
 */
export function retitle(line: string, titles: readonly string[], tag: string): string {
  return titles.reduce((text, title) => text.split(title).join(`${title}${tag}`), line);
}

function segmentLines(segment: Segment): string[] {
  const lines = segment.from.document.originalLines.slice(segment.span.start - 1, segment.span.end);
  if (!segment.relabel) return lines;
  const { from, to } = segment.relabel;
  const [first = '', ...rest] = lines;
  return [relabel(first, from, to), ...rest];
}

/** Replaces a heading's printed number (三、) by the slot's (一、), keeping any indentation before it. */
export function relabel(line: string, from: string, to: string): string {
  const indent = line.length - line.trimStart().length;
  return line.slice(indent).startsWith(from) ? `${line.slice(0, indent)}${to}${line.slice(indent + from.length)}` : line;
}

/**
 * The base seed's sidecar under the new id, with a title, short title and 文号 of its own (so no two
 * documents cite alike; the titles of the documents it issues are tagged in its text, `retitle`), and the column corrections of every table carried to the id it gets here:
 * tables are numbered per part in order, so a moved table's id changes with its place.
 */
function sidecarFor(k: number, base: CorpusSeed, segments: readonly Segment[], realNumbers: ReadonlySet<string>): SourceMeta {
  const id = benchId(k);
  const tag = benchTag(k);
  const reason = `benchmark corpus: the layout and metadata of ${base.document.id} with top-level sections recombined from the seed corpus`;
  const { meta } = base.document;
  const corrections: SourceMeta['corrections'] = { ...base.sidecar.corrections, title: { value: `${meta.title}${tag}`, reason } };
  if (meta.docNumber !== null) corrections.docNumber = { value: syntheticDocNumber(meta.docNumber, k, realNumbers), reason };
  return {
    ...base.sidecar,
    id,
    shortTitle: `${base.sidecar.shortTitle}${tag}`,
    corrections,
    tableColumns: carriedTableColumns(segments),
  };
}

/** Serial numbers from 10001 on, stepping past any 文号 a real document has, so a citation never resolves to two documents. */
function syntheticDocNumber(docNumber: string, k: number, realNumbers: ReadonlySet<string>): string {
  let serial = SERIAL_BASE + k;
  while (realNumbers.has(renumberDocNumber(docNumber, serial))) serial += SERIAL_BASE;
  return renumberDocNumber(docNumber, serial);
}

/** 宜府办函〔2014〕282号 → 宜府办函〔2014〕42号: the serial number is the last run of digits before 号. */
export function renumberDocNumber(docNumber: string, serial: number): string {
  return /\d+号$/.test(docNumber) ? docNumber.replace(/\d+号$/, `${serial}号`) : `${docNumber}-${serial}`;
}

function carriedTableColumns(segments: readonly Segment[]): SourceMeta['tableColumns'] {
  const counters = new Map<string, number>();
  const carried: SourceMeta['tableColumns'] = {};
  for (const segment of segments) {
    for (const table of segment.tables) {
      const n = (counters.get(segment.part) ?? 0) + 1;
      counters.set(segment.part, n);
      const correction = segment.from.sidecar.tableColumns[table];
      if (correction) carried[`${segment.part}-t${n}`] = correction;
    }
  }
  return carried;
}
