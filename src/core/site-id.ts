/**
 * The site-wide id of a node, `{documentId}/{nodeId}`, as the open data, the search records and the
 * pages write it. Built and read here only, so the format has one owner.
 */

/** The site-wide id of a node: `{documentId}/{nodeId}`. */
export function siteId(documentId: string, nodeId: string): string {
  return `${documentId}/${nodeId}`;
}

/** Splits a site-wide id at its first slash: node ids never contain one, document ids neither. */
export function splitSiteId(siteId: string): { documentId: string; nodeId: string } {
  const slash = siteId.indexOf('/');
  if (slash <= 0 || slash === siteId.length - 1) throw new Error(`"${siteId}" is not a site-wide node id ({documentId}/{nodeId})`);
  return { documentId: siteId.slice(0, slash), nodeId: siteId.slice(slash + 1) };
}
