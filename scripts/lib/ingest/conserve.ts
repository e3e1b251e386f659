import type { Diagnostic } from '#schemas/diagnostic.ts';
import type { Drop } from '#schemas/document.ts';
import { blocksOf } from '#core/document-tree.ts';
import type { Part } from '#schemas/structure.ts';

/**
 * Proves that nothing was lost between the normalised text and the parsed tree: on every line, the
 * characters of the nodes plus those dropped by named rules are exactly the line's characters.
 * White space is layout, not content, and is left out of the comparison.
 */
export function checkConservation(lines: readonly string[], parts: readonly Part[], drops: readonly Drop[], file: string): Diagnostic[] {
  const claimed = claimsByLine(lines, parts, drops);
  const diagnostics: Diagnostic[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    const expected = sortedChars(text);
    const actual = sortedChars((claimed.get(line) ?? []).join(''));
    if (expected !== actual) {
      diagnostics.push({
        level: 'error',
        code: 'conservation',
        message: `the parsed nodes do not account for this line exactly: ${describeDifference(expected, actual)}`,
        file,
        line,
      });
    }
  });
  return diagnostics;
}

/** By source line, the texts the nodes and the named drops say stand on it. */
export function claimsByLine(lines: readonly string[], parts: readonly Part[], drops: readonly Drop[]): Map<number, string[]> {
  const claimed = new Map<number, string[]>();
  const claim = (line: number, text: string) => {
    const list = claimed.get(line) ?? [];
    list.push(text);
    claimed.set(line, list);
  };
  for (const part of parts) if (part.label !== null || part.title !== null) claimPartHeading(part, lines, claim);
  for (const { block: b } of blocksOf({ parts })) {
    if (b.type === 'paragraph') claim(b.line, b.text);
    else if (b.type === 'table') {
      for (const row of b.rows) for (const cell of row.cells) if (!cell.inherited) claim(cell.line, cell.value);
    } else if (b.kind !== 'implicit') claim(b.lines.start, `${b.label}${b.title ?? ''}${b.text}`);
  }
  for (const d of drops) claim(d.line, d.text);
  return claimed;
}

/** A part's label and title stand on the first line of its span, or the label there and the title on the next non-blank line. */
function claimPartHeading(part: Part, lines: readonly string[], claim: (line: number, text: string) => void): void {
  const first = part.lines.start;
  const firstText = lines[first - 1] ?? '';
  const heading = `${part.label ?? ''}${part.title ?? ''}`;
  if (sortedChars(firstText) === sortedChars(heading) || part.label === null) {
    claim(first, heading);
  } else {
    claim(first, part.label);
    // The parser takes an annex's title from the next line with text: blank lines between are layout.
    let titleLine = first + 1;
    while (titleLine < lines.length && (lines[titleLine - 1] ?? '').trim() === '') titleLine += 1;
    claim(titleLine, part.title ?? '');
  }
}

function sortedChars(text: string): string {
  return [...text.replace(/\s+/gu, '')].sort().join('');
}

function describeDifference(expected: string, actual: string): string {
  const count = (s: string) => {
    const m = new Map<string, number>();
    for (const c of s) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const e = count(expected);
  const a = count(actual);
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [c, n] of e) if ((a.get(c) ?? 0) < n) missing.push(c);
  for (const [c, n] of a) if ((e.get(c) ?? 0) < n) extra.push(c);
  return `missing ${JSON.stringify(missing.join(''))}, not in the source ${JSON.stringify(extra.join(''))}`;
}
