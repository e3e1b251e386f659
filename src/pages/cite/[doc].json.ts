import type { APIRoute, GetStaticPaths } from 'astro';
import { getCiteData, type CiteNodesFile } from '../../lib/cite-data.ts';

/** One file per document, fetched only once a citation has named it: the corpus can grow without the first file growing with it. */
export const getStaticPaths = (async () => {
  const { files } = await getCiteData();
  return [...files].map(([doc, file]) => ({ params: { doc }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: CiteNodesFile }> = ({ props }) =>
  new Response(`${JSON.stringify(props.file)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
