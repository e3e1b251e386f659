import { createHash } from 'node:crypto';
import { siteId } from '#core/site-id.ts';
import type { ProjectRecord } from '#schemas/open-data.ts';
import { factsSource, type DocumentView } from './catalogue.ts';
import type { ClauseFacts } from './clause-facts.ts';
import type { NodeEntry } from '#core/document-index.ts';
import { citingNode, type CitingClause } from './cited-by.ts';
import type { ValidityView } from '#core/validity-view.ts';

/**
 * Keys of the pages an incremental build keeps (src/lib/page-reuse.ts): a page the last build wrote
 * is kept while its key and the site's code are both unchanged. The code is hashed apart
 * (src/integrations/site-code.ts, with the department and topic tables); the key must change
 * whenever the data a page shows changes. A document or clause page shows:
 *
 * - its own document: the entry's digest;
 * - for a repeated text, the canonical document (its title, the counterpart clauses): its digest;
 * - beside each clause, its departments, targets, citations and dates, and beside each table row its
 *   projects. These are corpus-wide records: a citation's title and 文号 are the first found over every
 *   document citing the same text (newest first), and it is matched against the whole corpus. So they
 *   enter the key as the page shows them, whatever document they come from.
 *
 * - on a document's page, the clauses of other documents that cite it, and on an article's page
 *   those that cite the article (src/lib/cited-by.ts): their ids, citations and the node they name.
 *
 * - the document's validity on the day of the build (its badge says as of when), and for a version
 *   of a work, the other versions (the version list, an article's diff): their ids, dates and digests.
 *
 * A page that starts showing anything else from another document must add it here.
 */

/** What the clause and document pages show beside the text, as `getSiteData` provides it. */
export interface ShownFacts {
  /** Departments, targets, citations and dates beside each clause, by site-wide id (clauseFactsIndex). */
  clauseFacts: ReadonlyMap<string, ClauseFacts>;
  /** The projects named beside a table row, by the row's site-wide id. */
  rowProjects: ReadonlyMap<string, readonly ProjectRecord[]>;
  /** The clauses citing each document, by the cited document's id. */
  citedBy: ReadonlyMap<string, readonly CitingClause[]>;
  /** Each document's validity as its badge shows it, by document id. */
  validity: ReadonlyMap<string, ValidityView>;
  /** For a version of a work: a digest of every version (id, date, content), by document id. */
  workDigests: ReadonlyMap<string, string>;
}

const factsDigests = new WeakMap<ClauseFacts, string>();

/**
 * A clause's facts as the page shows them. A citation's `citedBy` is left out: the pages do not show
 * it, and it would re-render every page citing a text whenever another document starts citing it.
 */
function factsDigest(facts: ClauseFacts): string {
  let digest = factsDigests.get(facts);
  if (digest === undefined) {
    const shown = { ...facts, citations: facts.citations.map(({ citedBy: _notShown, ...citation }) => citation) };
    digest = createHash('sha256').update(JSON.stringify(shown)).digest('base64url');
    factsDigests.set(facts, digest);
  }
  return digest;
}

function pageKey(view: DocumentView, factsAt: readonly string[], shown: ShownFacts, citing: readonly CitingClause[]): string {
  const hash = createHash('sha256');
  hash.update(`${view.digest}\n${view.duplicate?.canonical.digest ?? '-'}\n`);
  hash.update(`${JSON.stringify(shown.validity.get(view.document.id) ?? null)}\n${shown.workDigests.get(view.document.id) ?? '-'}\n`);
  for (const c of citing) hash.update(`cited by ${c.ref.siteId}\t${c.ref.citation}\t${c.ref.documentTitle}\t${c.region}\t${c.date}\t${c.targetNodeId}\n`);
  for (const id of factsAt) {
    const facts = shown.clauseFacts.get(id);
    if (facts !== undefined) hash.update(`${id}\t${factsDigest(facts)}\n`);
    const projects = shown.rowProjects.get(id);
    if (projects !== undefined) hash.update(`${id}\t${JSON.stringify(projects)}\n`);
  }
  return hash.digest('base64url');
}

/** The key of a document's page, which shows every clause of the document with its facts. */
export function documentPageKey(view: DocumentView, shown: ShownFacts): string {
  return pageKey(
    view,
    view.index.entries.map((e) => siteId(view.document.id, e.id)),
    shown,
    shown.citedBy.get(view.document.id) ?? [],
  );
}

const subtrees = new WeakMap<DocumentView, Map<string, NodeEntry[]>>();

/** Each node of a document with itself and everything below it, in document order; made once per document rather than once per clause. */
function subtreesOf(view: DocumentView): Map<string, NodeEntry[]> {
  let byNode = subtrees.get(view);
  if (byNode === undefined) {
    byNode = new Map();
    for (const e of view.index.entries) {
      for (const id of [e.id, ...e.ancestorIds]) {
        const list = byNode.get(id) ?? [];
        list.push(e);
        byNode.set(id, list);
      }
    }
    subtrees.set(view, byNode);
  }
  return byNode;
}

/** The key of a clause's page: the clause and everything below it with their facts, and the facts and projects of the clause (or of its counterpart, for a repeat). */
export function clausePageKey(view: DocumentView, entry: NodeEntry, shown: ShownFacts): string {
  const source = factsSource(view, entry);
  const own = siteId(source.documentId, source.nodeId);
  const below = subtreesOf(view).get(entry.id) ?? [];
  return pageKey(view, [own, ...below.map((e) => siteId(view.document.id, e.id))], shown, citingNode(shown.citedBy.get(view.document.id) ?? [], entry.id));
}
