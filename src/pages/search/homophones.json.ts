import type { APIRoute } from 'astro';
import { pinyin } from 'pinyin-pro';
import { homophoneTable } from '#core/search/homophones.ts';
import { getSiteData } from '../../lib/site-data.ts';

/**
 * The corpus's characters by reading (src/core/search/homophones.ts), fetched by the search page only
 * for a query that falls back to near matches: which character a pinyin keyboard slip stood for.
 */
export const GET: APIRoute = async () => {
  const { hanCounts } = await getSiteData();
  const table = homophoneTable(hanCounts, (char) => pinyin(char, { toneType: 'num', type: 'array', multiple: true, v: true }));
  return new Response(`${JSON.stringify(table)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
