import type { Block, Part, Provision } from '#schemas/structure.ts';

/** One block of a document, where the walk finds it. */
export interface BlockVisit {
  block: Block;
  part: Part;
  /** The provisions around the block, outermost first; implicit groups included. */
  provisions: readonly Provision[];
}

/**
 * Every block of a document in document order, depth first: each part's blocks, a provision before
 * the blocks it holds. The one walk over the tree; whoever needs some of the blocks filters it.
 */
export function* blocksOf(doc: { readonly parts: readonly Part[] }): Generator<BlockVisit> {
  for (const part of doc.parts) yield* blocksWithin(part.children, part, []);
}

function* blocksWithin(blocks: readonly Block[], part: Part, provisions: readonly Provision[]): Generator<BlockVisit> {
  for (const block of blocks) {
    yield { block, part, provisions };
    if (block.type === 'provision') yield* blocksWithin(block.children, part, [...provisions, block]);
  }
}
