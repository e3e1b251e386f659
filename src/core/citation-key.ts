/** The stable id of a cited document, shared by the citation extractor and the corpus records. */
import { createHash } from 'node:crypto';
import type { CitationMention } from '#schemas/entities.ts';
import { foldPunctuationWidth } from './chinese/punctuation-width.ts';
import { normaliseDocNumber } from './doc-number.ts';

export { normaliseDocNumber };

function hash8(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8);
}

/**
 * A stable ASCII id for the cited document: `doc-<year>-<number>-<hash>` from the 文号 when there is one,
 * else `law-<hash>` / `doc-<hash>` from the title (a law's 中华人民共和国 prefix ignored), so that the same
 * document cited twice, in any bracket style, gets the same key. The title is hashed with its punctuation
 * folded to ASCII: 规划(2011-2015年) and 规划（2011-2015年） are one document, and keys made before the
 * ingest widened punctuation stay as they were.
 */
export function citationKey(m: CitationMention): string {
  if (m.docNumber !== null) {
    const normalised = normaliseDocNumber(m.docNumber);
    const parts = /〔(\d{4})〕(\d+)号$/.exec(normalised);
    return parts ? `doc-${parts[1]}-${parts[2]}-${hash8(normalised)}` : `doc-${hash8(normalised)}`;
  }
  const title = foldPunctuationWidth(m.title ?? '');
  return m.kind === 'law' ? `law-${hash8(title.replace(/^中华人民共和国/, ''))}` : `doc-${hash8(title)}`;
}
