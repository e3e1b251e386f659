import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Drop } from '#schemas/document.ts';
import type { Block, Paragraph, ParagraphRole, Provision, Table } from '#schemas/structure.ts';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '#core/chinese/numerals.ts';
import { classifyLine } from './classify.ts';

/**
 * The statute structure of the 立法法: 编/章/节 headings, 条 (articles, numbered on across chapters),
 * 款 (the unnumbered paragraphs of an article), 项 （一） and 目 1. Ids mirror the printed numbering
 * and never collide with the 公文 scheme: `ch-3`, `ch-3.s2`, `art-50`, `art-10-1` (第十条之一),
 * `art-50.2` (its second 款), `art-50.2.3` (item （三） of that 款), `art-50.2.3.1` (目 1.).
 */

const CN = `[${CHINESE_NUMERAL_CHARS}]+`;
/** 第五十条, 第十条之一; the article's text follows after optional white space. */
const ARTICLE = new RegExp(`^第(${CN})条(?:之(${CN}))?(?![${CHINESE_NUMERAL_CHARS}])[\\s　]*`);
/** 第一编 / 第三章 / 第二节 headings, with their titles on the same line. */
const HEADING = new RegExp(`^第(${CN})(编|章|节)(?:[\\s　]+(.*))?$`);
/** A bracketed article title printed before its text: 第一条【立法目的】. */
const ARTICLE_TITLE = /^【([^【】]{1,30})】/;
/** The article that brings the text into force. */
const COMMENCEMENT = /本(?:法|条例|办法|规定|细则|决定|解释|规则|实施办法|若干规定)(?:自|从).{0,40}(?:起施行|施行|起实施|实施)/;

export type StatuteLine = { n: number; text: string; role?: ParagraphRole | undefined };

/** The article number printed at the start of a line (第十条之一 → 10, sub 1), or null. */
export function articleNumber(text: string): { num: number; sub: number | null; label: string } | null {
  const m = ARTICLE.exec(text.trim());
  if (!m) return null;
  const num = parseChineseNumeral(m[1] ?? '');
  const sub = m[2] !== undefined ? parseChineseNumeral(m[2]) : null;
  if (num === null || num <= 0 || (m[2] !== undefined && (sub === null || sub <= 0))) return null;
  return { num, sub, label: m[0].trimEnd() };
}

/** 第一编 / 第三章 / 第二节 with its title: a statute heading, never an issued document's title. */
export function isStatuteHeading(text: string): boolean {
  return HEADING.test(text.trim());
}

/** A text is laid out as a statute when at least two lines open with 第X条 and they start at 第一条. */
export function looksLikeStatute(lines: readonly string[]): boolean {
  const numbers = lines.flatMap((l) => {
    const a = articleNumber(l);
    return a ? [a.num] : [];
  });
  return numbers.length >= 2 && numbers.includes(1);
}

/** The short title lawyers cite a national law by: 中华人民共和国社会保险法 → 社会保险法. */
export function withoutStateName(title: string): string {
  return title.replace(/^中华人民共和国(?=.)/, '');
}

type Unit = 'book' | 'chapter' | 'section';
const UNIT_OF: Readonly<Record<string, Unit>> = { 编: 'book', 章: 'chapter', 节: 'section' };
const UNIT_LEVEL: Readonly<Record<Unit, number>> = { book: 1, chapter: 2, section: 3 };
const ID_SEGMENT: Readonly<Record<Unit, string>> = { book: 'bk-', chapter: 'ch-', section: 's' };

export type StatuteInput = {
  /** The lines of the part, blank lines left out, in order. */
  lines: readonly StatuteLine[];
  /** What ids of this part start with: '' for a document that is one statute, `d1-` for a part of a compound one. */
  idPrefix: string;
  /** What citations start with, e.g. 《社会保险法》. */
  citationPrefix: string;
  file: string;
  /** Builds a table from consecutive pipe-table lines (shared with the 公文 parser). */
  table: (lines: readonly StatuteLine[]) => Table;
};

export type StatuteParsed = { children: Block[]; drops: Drop[]; diagnostics: Diagnostic[] };

type Container = { node: Provision | null; children: Block[]; paragraphs: number; prefix: string };
/** The 款 being read, its open item, and the numbering styles of its items and of their 目. */
type OpenKuan = { kuan: Provision; item: Provision | null; itemStyle: string | null; subStyle: string | null };

const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const STEM_ITEM = new RegExp(`^([${HEAVENLY_STEMS}])、`);
const STYLE_OF_LEVEL = ['', 'numeral-comma', 'bracketed-numeral', 'digit', 'bracketed-digit'] as const;

/** An item number at the start of a line, in any style statutes print: （一）, 一、, 1., （1）, 甲、. */
function itemMarker(text: string): { style: string; label: string; num: number; rest: string } | null {
  const stem = STEM_ITEM.exec(text);
  if (stem) {
    const rest = text.slice(stem[0].length).trimStart();
    return rest === '' ? null : { style: 'stem', label: stem[0], num: HEAVENLY_STEMS.indexOf(stem[1] ?? '') + 1, rest };
  }
  const kind = classifyLine(text);
  return kind.kind === 'numbered' ? { style: STYLE_OF_LEVEL[kind.level], label: kind.label, num: kind.num, rest: kind.rest } : null;
}

/** Builds the statute tree of one part. Pure: no I/O, never throws on odd input. */
export function parseStatute(input: StatuteInput): StatuteParsed {
  return new StatuteBuilder(input).build();
}

class StatuteBuilder {
  private readonly input: StatuteInput;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly drops: Drop[] = [];
  private readonly root: Container;
  /** The open 编 / 章 / 节, outermost first. */
  private units: { unit: Unit; container: Container; num: number }[] = [];
  private article: { node: Provision; last: OpenKuan | null } | null = null;
  private readonly seen = new Set<string>();
  private toc: Container | null = null;

  constructor(input: StatuteInput) {
    this.input = input;
    this.root = { node: null, children: [], paragraphs: 0, prefix: input.idPrefix === '' ? 'm-' : input.idPrefix };
  }

  build(): StatuteParsed {
    const { lines } = this.input;
    let tocEntries: string[] = [];
    for (let i = 0; i < lines.length; i += 1) {
      const line = lines[i];
      if (line === undefined) continue;
      const text = line.text.trim();
      if (line.role !== undefined) {
        this.closeArticle();
        this.paragraph(this.root, line, line.role);
        continue;
      }
      if (this.toc === null && tocEntries.length === 0 && text.replace(/\s/g, '') === '目录' && this.article === null) {
        this.toc = this.openToc(line);
        continue;
      }
      if (this.toc !== null) {
        // The table of contents lists headings until the first one comes round again as the real heading.
        const key = text.replace(/\s/g, '');
        const ends = articleNumber(text) !== null || (tocEntries.length > 0 && key === tocEntries[0]);
        if (!ends) {
          tocEntries.push(key);
          this.paragraph(this.toc, line, 'toc');
          continue;
        }
        this.toc = null;
        tocEntries = [];
      }
      if (classifyLine(text).kind === 'table') {
        let end = i;
        while (lines[end + 1] !== undefined && classifyLine(lines[end + 1]?.text.trim() ?? '').kind === 'table') end += 1;
        const table = this.input.table(lines.slice(i, end + 1));
        this.currentContainer().children.push(table);
        i = end;
        continue;
      }
      const heading = HEADING.exec(text);
      if (heading && this.heading(line, heading)) continue;
      const article = articleNumber(text);
      if (article && this.openArticle(line, article)) continue;
      this.text(line);
    }
    this.closeArticle();
    return { children: this.root.children, drops: this.drops, diagnostics: this.diagnostics };
  }

  private openToc(line: StatuteLine): Container {
    const node = this.provision({ kind: 'toc', id: `${this.input.idPrefix}toc`, level: 0, label: line.text.trim(), num: null, title: null, text: '', n: line.n, citation: `${this.input.citationPrefix}目录` });
    this.root.children.push(node);
    return { node, children: node.children, paragraphs: 0, prefix: `${node.id}.` };
  }

  /** 第X编/章/节: opens a unit; false (the line is text) when its number repeats one already used. */
  private heading(line: StatuteLine, m: RegExpExecArray): boolean {
    const unit = UNIT_OF[m[2] ?? ''];
    const num = parseChineseNumeral(m[1] ?? '');
    if (unit === undefined || num === null || num <= 0) return false;
    const level = UNIT_LEVEL[unit];
    const outer = this.units.filter((u) => UNIT_LEVEL[u.unit] < level);
    const parentId = outer.at(-1)?.container.node?.id;
    const segment = unit === 'section' && parentId === undefined ? `sec-${num}` : `${ID_SEGMENT[unit]}${num}`;
    const id = parentId !== undefined ? `${parentId}.${segment}` : `${this.input.idPrefix}${segment}`;
    if (this.seen.has(id)) {
      this.warn(line.n, 'parse-statute-heading-repeated', `${m[0]}: a heading with this number came before, so the line is kept as text`);
      return false;
    }
    this.closeArticle();
    const labels = [...outer.map((u) => u.container.node?.label ?? ''), `第${m[1]}${m[2]}`];
    const node = this.provision({ kind: unit, id, level, label: `第${m[1]}${m[2]}`, num, title: (m[3] ?? '').trim() || null, text: '', n: line.n, citation: `${this.input.citationPrefix}${labels.join('')}` });
    (outer.at(-1)?.container ?? this.root).children.push(node);
    const last = this.units.filter((u) => u.unit === unit).at(-1);
    if (last !== undefined && last.num + 1 !== num && outer.every((u) => this.units.indexOf(u) < this.units.indexOf(last))) {
      this.warn(line.n, 'parse-numbering-gap', `${node.label} follows ${last.container.node?.label ?? '?'}`);
    }
    this.units = [...outer, { unit, num, container: { node, children: node.children, paragraphs: 0, prefix: `${id}.` } }];
    return true;
  }

  /** 第X条: opens an article; false (the line is text of the current article) when its number was used before. */
  private openArticle(line: StatuteLine, article: { num: number; sub: number | null; label: string }): boolean {
    const id = `${this.input.idPrefix}art-${article.num}${article.sub !== null ? `-${article.sub}` : ''}`;
    if (this.seen.has(id)) {
      this.warn(line.n, 'parse-article-repeated', `${article.label} was used before: the line is kept as a paragraph of the article above`);
      return false;
    }
    this.closeArticle();
    const rest = line.text.trim().slice(article.label.length).trimStart();
    const titled = ARTICLE_TITLE.exec(rest);
    const title = titled ? (titled[1] ?? null) : null;
    const body = titled ? rest.slice(titled[0].length).trimStart() : rest;
    const node = this.provision({ kind: 'article', id, level: 4, label: article.label, num: article.num, title, text: '', n: line.n, citation: `${this.input.citationPrefix}${article.label}` });
    if (titled) this.drops.push({ rule: 'article-title-brackets', line: line.n, text: '【】' });
    this.currentContainer().children.push(node);
    this.article = { node, last: null };
    if (body !== '') this.kuan(line.n, body);
    else if (titled === null) this.warn(line.n, 'parse-article-empty', `${article.label} has no text on its line`);
    return true;
  }

  /**
   * A line inside an article: an item (项), a 目 inside an item, or a new 款. Items are numbered in one
   * style (（一）, and in older texts 一、 or 甲、); a different style inside an item numbers its 目.
   * Outside any article: a paragraph.
   */
  private text(line: StatuteLine): void {
    const text = line.text.trim();
    if (this.article === null) {
      this.paragraph(this.currentContainer(), line, undefined);
      return;
    }
    const marker = itemMarker(text);
    const last = this.article.last;
    if (marker !== null && last !== null) {
      const numbered = (parent: Provision) => parent.children.some((c) => c.type === 'provision' && c.num === marker.num);
      if (last.itemStyle === null || marker.style === last.itemStyle) {
        if (!numbered(last.kuan)) {
          last.itemStyle = marker.style;
          last.subStyle = null;
          this.item(last, line.n, marker.label, marker.num, marker.rest);
          return;
        }
        this.warn(line.n, 'parse-numbering-restart', `${marker.label} repeats an item of ${last.kuan.id}: a new 款 starts here`);
      } else if (last.item !== null && (last.subStyle === null || marker.style === last.subStyle)) {
        if (!numbered(last.item)) {
          last.subStyle = marker.style;
          this.subitem(last.item, line.n, marker.label, marker.num, marker.rest);
          return;
        }
        this.warn(line.n, 'parse-numbering-restart', `${marker.label} repeats a 目 of ${last.item.id}: a new 款 starts here`);
      }
    }
    this.kuan(line.n, text);
  }

  private kuan(n: number, text: string): void {
    if (this.article === null) return;
    const article = this.article.node;
    const index = article.children.filter((c) => c.type === 'provision').length + 1;
    const node = this.provision({ kind: 'paragraph', id: `${article.id}.${index}`, level: 5, label: '', num: index, title: null, text, n, citation: '' });
    article.children.push(node);
    this.article.last = { kuan: node, item: null, itemStyle: null, subStyle: null };
  }

  private item(last: OpenKuan, n: number, label: string, num: number, rest: string): void {
    const node = this.provision({ kind: 'item', id: `${last.kuan.id}.${num}`, level: 6, label, num, title: null, text: rest, n, citation: '' });
    last.kuan.children.push(node);
    last.item = node;
  }

  private subitem(item: Provision, n: number, label: string, num: number, rest: string): void {
    item.children.push(this.provision({ kind: 'subitem', id: `${item.id}.${num}`, level: 7, label, num, title: null, text: rest, n, citation: '' }));
  }

  /** Closes the open article: its span, its commencement role and the citations of its 款, 项 and 目. */
  private closeArticle(): void {
    const open = this.article;
    if (open === null) return;
    this.article = null;
    const article = open.node;
    const kuans = article.children.filter((c): c is Provision => c.type === 'provision');
    const single = kuans.length === 1;
    for (const kuan of kuans) {
      const kuanLabel = `第${chineseOrdinal(kuan.num ?? 1)}款`;
      kuan.citation = `${article.citation}${kuanLabel}`;
      for (const item of kuan.children) {
        if (item.type !== 'provision') continue;
        const itemLabel = `第${fullWidthBrackets(item.label)}项`;
        item.citation = `${article.citation}${single ? '' : kuanLabel}${itemLabel}`;
        for (const sub of item.children) {
          if (sub.type === 'provision') sub.citation = `${item.citation}第${sub.num ?? ''}目`;
        }
      }
    }
    if (kuans.some((k) => COMMENCEMENT.test(k.text))) article.role = 'commencement';
    article.lines.end = Math.max(article.lines.end, ...kuans.flatMap((k) => [k.lines.end, ...k.children.map(endOf)]));
    for (const u of this.units) if (u.container.node) u.container.node.lines.end = Math.max(u.container.node.lines.end, article.lines.end);
  }

  private currentContainer(): Container {
    return this.units.at(-1)?.container ?? this.root;
  }

  private paragraph(container: Container, line: StatuteLine, role: ParagraphRole | undefined): void {
    container.paragraphs += 1;
    const node: Paragraph = { type: 'paragraph', id: `${container.prefix}p${container.paragraphs}`, line: line.n, text: line.text.trim(), ...(role ? { role } : {}) };
    container.children.push(node);
    if (container.node) container.node.lines.end = Math.max(container.node.lines.end, line.n);
  }

  private provision(p: { kind: Provision['kind']; id: string; level: number; label: string; num: number | null; title: string | null; text: string; n: number; citation: string }): Provision {
    this.seen.add(p.id);
    return { type: 'provision', id: p.id, kind: p.kind, level: p.level, label: p.label, num: p.num, title: p.title, text: p.text, lines: { start: p.n, end: p.n }, citation: p.citation, children: [] };
  }

  private warn(line: number, code: string, message: string): void {
    this.diagnostics.push({ level: 'warning', code, message, file: this.input.file, line });
  }
}

function endOf(b: Block): number {
  if (b.type === 'paragraph') return b.line;
  if (b.type === 'table') return b.lines.end;
  return Math.max(b.lines.end, ...b.children.map(endOf));
}

function fullWidthBrackets(label: string): string {
  return label.replace('(', '（').replace(')', '）').replace(/[、.．]$/, '');
}

const ORDINAL_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 2 → 二, 12 → 十二, 25 → 二十五: the Chinese numeral of a 款's position, for citations. */
export function chineseOrdinal(n: number): string {
  if (n < 10) return ORDINAL_DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : ORDINAL_DIGITS[n % 10]}`;
  if (n < 100) return `${ORDINAL_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : ORDINAL_DIGITS[n % 10]}`;
  return String(n);
}
