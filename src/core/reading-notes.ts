import type { DocumentIndex, NodeEntry } from './document-index.ts';
import type { UnreadableSpot } from './schemas/document.ts';

/** What a reader of a document should know about how well it could be read. */
export interface ReadingNotes {
  /** Groups whose heading was lost in capture and whose extent the parser guessed, in document order. */
  restored: NodeEntry[];
  /** Each unreadable spot with the innermost node that holds it (null when no node does). */
  unreadable: { spot: UnreadableSpot; entry: NodeEntry | null }[];
}

function isRestored(entry: NodeEntry): boolean {
  return entry.kind === 'provision' && entry.node.restored !== undefined;
}

/** The innermost node whose lines hold `line`: entries are in document order, so the last match is the deepest. */
function innermostAt(index: DocumentIndex, line: number): NodeEntry | null {
  let found: NodeEntry | null = null;
  for (const e of index.entries) if (e.lines.start <= line && line <= e.lines.end && e.kind !== 'part') found = e;
  return found;
}

export function readingNotes(index: DocumentIndex): ReadingNotes {
  return {
    restored: index.entries.filter(isRestored),
    unreadable: index.document.unreadable.map((spot) => ({ spot, entry: innermostAt(index, spot.line) })),
  };
}

/** The group with a lost heading that `entry` belongs to (or is), or null when its place is as printed. */
export function restoredGroupOf(index: DocumentIndex, entry: NodeEntry): NodeEntry | null {
  if (isRestored(entry)) return entry;
  for (const id of entry.ancestorIds) {
    const ancestor = index.byId.get(id);
    if (ancestor !== undefined && isRestored(ancestor)) return ancestor;
  }
  return null;
}
