import type { UnreadableSpot } from './schemas/document.ts';

/** A run of a node's text: readable, or a spot that could not be read (with its kind). */
export type TextPiece = { text: string; unreadable: UnreadableSpot['kind'] | null };

/**
 * Splits the text of a node that stands on `line` into readable runs and the unreadable spots it
 * holds. The spots are placed by their offset in the line when the text is found there whole (a
 * provision's text follows its label and title on one line); otherwise by their own words.
 */
export function unreadablePieces(text: string, line: number, lines: readonly string[], spots: readonly UnreadableSpot[]): TextPiece[] {
  const onLine = spots.filter((s) => s.line === line);
  if (onLine.length === 0 || text === '') return [{ text, unreadable: null }];
  const offset = (lines[line - 1] ?? '').indexOf(text);
  const ranges = onLine
    .map((s) => ({ start: offset >= 0 ? s.start - offset : text.indexOf(s.text), spot: s }))
    .filter((r) => r.start >= 0 && text.slice(r.start, r.start + r.spot.text.length) === r.spot.text)
    .sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { start, spot } of ranges) {
    if (start < at) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), unreadable: null });
    pieces.push({ text: spot.text, unreadable: spot.kind });
    at = start + spot.text.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), unreadable: null });
  return pieces;
}
