import type { Document } from '#schemas/document.ts';
import { siteId } from '#core/site-id.ts';

/** A JSON-LD object, as schema.org describes it. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The document's identifier for citation databases: its 文号, or the site's own id when it has none. */
function identifier(doc: Document): string {
  return doc.meta.docNumber ?? doc.id;
}

/** The jurisdiction as a place name, outermost first (湖南省 湘潭市). */
function jurisdiction(doc: Document): string {
  return [...doc.meta.region.within, doc.meta.region.name].join(' ');
}

/** schema.org Legislation describing a whole document. */
export function documentLegislation(doc: Document, url: string): JsonLd {
  return {
    '@type': 'Legislation',
    '@id': url,
    url,
    name: doc.meta.title,
    alternateName: doc.meta.shortTitle,
    legislationIdentifier: identifier(doc),
    identifier: doc.id,
    legislationType: doc.meta.type,
    legislationJurisdiction: jurisdiction(doc),
    inLanguage: 'zh-CN',
    ...(doc.meta.date === null ? {} : { datePublished: doc.meta.date, legislationDate: doc.meta.date }),
    ...(doc.meta.issuer === null ? {} : { legislationPassedBy: { '@type': 'GovernmentOrganization', name: doc.meta.issuer } }),
  };
}

/**
 * schema.org Legislation describing one clause, part of its document: identified for readers by its
 * citation, and for machines by the permanent `{document}/{node}` id. It carries no text: the clause's
 * text is on the page already (and in the open data), and repeating it cost 13 % of the HTML (issue 16).
 */
export function clauseLegislation(doc: Document, clause: { nodeId: string; name: string; citation: string; url: string }, documentUrl: string): JsonLd {
  return {
    '@type': 'Legislation',
    '@id': clause.url,
    url: clause.url,
    name: clause.name,
    legislationIdentifier: clause.citation,
    identifier: siteId(doc.id, clause.nodeId),
    legislationJurisdiction: jurisdiction(doc),
    inLanguage: 'zh-CN',
    ...(doc.meta.date === null ? {} : { datePublished: doc.meta.date }),
    isPartOf: { '@type': 'Legislation', '@id': documentUrl, name: doc.meta.title, legislationIdentifier: identifier(doc) },
  };
}

/** schema.org BreadcrumbList for the trail from the home page to the current page. */
export function breadcrumbList(items: readonly { name: string; url: string }[]): JsonLd {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so that source text such as
 * `</script>` cannot close the element, and U+2028/2029 so that the JSON is also valid JavaScript.
 */
export function serialiseJsonLd(objects: readonly JsonLd[]): string {
  const graph = objects.length === 1 ? { '@context': 'https://schema.org', ...objects[0] } : { '@context': 'https://schema.org', '@graph': [...objects] };
  return JSON.stringify(graph)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
