/**
 * The metadata block or table publishing sites print above a document (索引号, 发文机关, 成文日期 …),
 * in every layout a copied page leaves it in: `key：value` one per line or several on a line (spaced,
 * tabbed, piped or run together), table rows `key | value | key | value |` with or without colons,
 * bracketed keys (【发布日期】…), and two-column tables pasted as alternating key and value lines.
 */

/** A value found in the text, at its (1-based) line. */
export type Found = { value: string; line: number };

export type BlockField =
  | 'title'
  | 'docNumber'
  | 'issuer'
  | 'date'
  | 'published'
  | 'indexNumber'
  | 'validity'
  | 'docType'
  | 'effective'
  | 'expires';

/**
 * The keys such blocks print, by the field they fill. Null: a key known to belong to these blocks
 * (its row is metadata, dropped under `metadata-block`) whose value the atlas does not keep.
 */
const KEYS: Readonly<Record<string, BlockField | null>> = {
  标题: 'title',
  名称: 'title',
  文件名称: 'title',
  索引号: 'indexNumber',
  成文日期: 'date',
  发文日期: 'date',
  印发日期: 'date',
  // 发布日期 is when the site published the text, often days after the 成文日期: only a fallback.
  发布日期: 'published',
  公布日期: 'published',
  发布时间: 'published',
  文号: 'docNumber',
  发文字号: 'docNumber',
  文件编号: 'docNumber',
  发布文号: 'docNumber',
  发文机关: 'issuer',
  发文机构: 'issuer',
  发文单位: 'issuer',
  发布机构: 'issuer',
  发布单位: 'issuer',
  制发机关: 'issuer',
  文件种类: 'docType',
  公文种类: 'docType',
  有效性: 'validity',
  时效性: 'validity',
  时效: 'validity',
  效力状态: 'validity',
  施行日期: 'effective',
  实施日期: 'effective',
  生效日期: 'effective',
  失效日期: 'expires',
  废止日期: 'expires',
  主题分类: null,
  主题词: null,
  关键词: null,
  体裁分类: null,
  组配分类: null,
  服务对象分类: null,
  效力级别: null,
  所属类别: null,
  公开方式: null,
  公开范围: null,
  信息来源: null,
  文件来源: null,
  来源: null,
  所属机构: null,
};

/** Cells such pages fill in when a field has no value. */
const PLACEHOLDER_VALUE = /^(?:[-—/]*|无|暂无)$/;
const SPACE = '[\\s\\u3000]*';
/** Any known key, its characters possibly spread out (索  引  号, 标　　题), longest first. */
const KEY_PATTERN = Object.keys(KEYS)
  .sort((a, b) => b.length - a.length)
  .map((key) => [...key].join(SPACE))
  .join('|');
/** A key as a block prints it: bracketed (【发布日期】), followed by a colon, or as a whole table cell. */
const KEY_IN_ROW = new RegExp(
  `【${SPACE}(${KEY_PATTERN})${SPACE}】${SPACE}[:：]?|(${KEY_PATTERN})${SPACE}[:：]|(?<=^|[\\s\\u3000|])(${KEY_PATTERN})(?=[\\s\\u3000|]|$)`,
  'gu',
);
const SEPARATORS = /^[\s\u3000|]+|[\s\u3000|]+$/g;
/** Where a text's body begins: its first article, chapter, 一、 heading or table of contents. */
export const STRUCTURE_START = /^(?:第[一二三四五六七八九十百零〇\d]+[编章节条]|[一二三四五六七八九十]+、|目[\s\u3000]*录$)/;
/** Body text: a sentence, an addressee line, or the first heading of the structure. */
const isBody = (line: string) => /[。；;]|[:：]$/.test(line) || STRUCTURE_START.test(line);

export type Block = { lines: number[]; values: Partial<Record<BlockField, Found>> };

type Pair = { field: BlockField | null; value: string };

/**
 * Reads the block rows in the head of the text, up to where the body starts; a repeated block adds
 * lines but never replaces a value. Rows may sit among page furniture and title lines.
 */
export function readMetadataBlock(lines: readonly string[]): Block {
  const block: Block = { lines: [], values: {} };
  let pending: BlockField | null | undefined;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const pairs = rowPairs(line);
    if (pending !== undefined && pairs === null) {
      // A two-column table pasted as alternating lines: this line is the value of the key above it.
      block.lines.push(index + 1);
      keep(block, pending, line, index + 1);
      pending = undefined;
      continue;
    }
    if (pairs === null) {
      if (isBody(line)) break;
      continue;
    }
    block.lines.push(index + 1);
    pending = undefined;
    for (const [i, pair] of pairs.entries()) {
      if (pair.value === '' && i === pairs.length - 1) pending = pair.field;
      else keep(block, pair.field, pair.value, index + 1);
    }
  }
  return block;
}

function keep(block: Block, field: BlockField | null, value: string, line: number): void {
  if (field === null || PLACEHOLDER_VALUE.test(value) || block.values[field] !== undefined) return;
  block.values[field] = { value, line };
}

/** A line's key/value pairs when it is a block row (it opens with a key), else null. */
function rowPairs(line: string): Pair[] | null {
  const keys = [...line.matchAll(KEY_IN_ROW)];
  const first = keys[0];
  if (first === undefined || line.slice(0, first.index).replace(SEPARATORS, '') !== '') return pipedRow(line);
  return keys.map((key, i) => {
    const name = (key[1] ?? key[2] ?? key[3] ?? '').replace(/[\s\u3000]/g, '');
    const next = keys[i + 1];
    const value = line.slice(key.index + key[0].length, next === undefined ? line.length : next.index).replace(SEPARATORS, '');
    return { field: KEYS[name] ?? null, value };
  });
}

/** A row of `key: | value |` cells whose every key ends in a colon: a block row even where the keys are not known ones (文字版: | 下载 |). */
function pipedRow(line: string): Pair[] | null {
  if (!line.includes('|')) return null;
  const cells = line.split('|').map((cell) => cell.trim());
  if (cells[0] === '') cells.shift();
  if (cells.at(-1) === '') cells.pop();
  if (cells.length === 0 || cells.length % 2 !== 0) return null;
  const pairs: Pair[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const key = cells[i] ?? '';
    if (!/^[^:：]+[:：]$/.test(key)) return null;
    pairs.push({ field: KEYS[key.slice(0, -1).replace(/\s+/g, '')] ?? null, value: cells[i + 1] ?? '' });
  }
  return pairs;
}
