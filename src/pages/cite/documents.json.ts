import type { APIRoute } from 'astro';
import { getCiteData } from '../../lib/cite-data.ts';

/** The documents a pasted citation can name: their names and 文号 (src/core/citing/paste.ts reads them). */
export const GET: APIRoute = async () => {
  const { documents } = await getCiteData();
  return new Response(`${JSON.stringify({ documents })}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
