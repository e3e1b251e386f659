import { diffChars } from 'diff';

/** One stretch of a diff: unchanged, or only in the older text, or only in the newer. */
export interface DiffPiece {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * What changed from `older` to `newer`, character by character (Chinese has no spaces to split words
 * at). Stretches of one or two unchanged characters between changes are folded into them, so that a
 * rewritten phrase reads as one deletion and one insertion rather than a comb of single characters.
 */
export function articleDiff(older: string, newer: string): DiffPiece[] {
  const raw: DiffPiece[] = diffChars(older, newer).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
  const pieces: DiffPiece[] = [];
  raw.forEach((piece, i) => {
    const between = piece.kind === 'same' && [...piece.text].length <= 2 && !piece.text.includes('\n') && i > 0 && i < raw.length - 1;
    if (between) {
      pieces.push({ kind: 'removed', text: piece.text }, { kind: 'added', text: piece.text });
      return;
    }
    pieces.push(piece);
  });
  // Merge neighbouring pieces of a kind, removals before additions within each changed stretch.
  const merged: DiffPiece[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed !== '') merged.push({ kind: 'removed', text: removed });
    if (added !== '') merged.push({ kind: 'added', text: added });
    removed = added = '';
  };
  for (const p of pieces) {
    if (p.kind === 'removed') removed += p.text;
    else if (p.kind === 'added') added += p.text;
    else {
      flush();
      const last = merged.at(-1);
      if (last?.kind === 'same') last.text += p.text;
      else merged.push({ ...p });
    }
  }
  flush();
  return merged;
}

/** Whether two texts differ at all. */
export function changed(pieces: readonly DiffPiece[]): boolean {
  return pieces.some((p) => p.kind !== 'same');
}
