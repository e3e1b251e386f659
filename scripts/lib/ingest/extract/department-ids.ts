/**
 * Entity ids of departments: ASCII, deterministic from the jurisdiction and the function (or group),
 * so the same office named in two documents gets one id: 湘潭市 + 人力资源社会保障 →
 * xiangtan-shi-human-resources-social-security. Registry entries keep their own ids (pages are permanent
 * URLs), so where the registry lists the office its id is used instead.
 */
import { pinyin } from 'pinyin-pro';
import type { Level } from '#schemas/jurisdictions.ts';

/** The central government's jurisdiction name, as the registry writes it. */
export const NATIONAL = '国家';
const NATIONAL_SLUG = 'china';

/** Syllables without tones, ü as v, joined: 湘潭 → xiangtan. The pinyin library is pinned: its readings are part of the ids. */
function romanise(han: string): string {
  return pinyin(han, { toneType: 'none', type: 'array', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** 湘潭市 → xiangtan-shi, 徐家汇街道 → xujiahui-jiedao, 湘潭 → xiangtan: the place, then its level word. */
export function jurisdictionSlug(name: string, suffixes: readonly string[]): string {
  if (name === NATIONAL) return NATIONAL_SLUG;
  const suffix = suffixes.find((s) => name.endsWith(s) && name.length > s.length);
  return suffix === undefined ? romanise(name) : `${romanise(name.slice(0, -suffix.length))}-${romanise(suffix)}`;
}

/** The id of one office, of a function at some levels, or of a group, within a jurisdiction. */
export function entityId(parts: { jurisdiction: string; levels: readonly Level[] | null; name: string; body?: string | null }, suffixes: readonly string[]): string {
  return [
    jurisdictionSlug(parts.jurisdiction, suffixes),
    ...(parts.levels ?? []),
    ...(parts.body === undefined || parts.body === null ? [] : [romanise(parts.body)]),
    parts.name,
  ].join('-');
}
