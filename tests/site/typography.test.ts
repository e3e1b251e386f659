import { describe, expect, it } from 'vitest';
import { listFiles } from '#core/list-files.ts';
import { DIST, readDist } from '../helpers/dist.ts';

/**
 * What a reader sees of a page as the site sets it: its text without tags, scripts, styles and code,
 * and without the text as captured (the 原文 view) and the spots flagged as unreadable, which are
 * shown as the source has them on purpose.
 */
function readerText(html: string): string {
  return html
    .replace(/<(script|style|code)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<span class="(?:o|unreadable-text)"[^>]*>[^<]*<\/span>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

/** Each place where a 《 opens inside an open 《》: nested titles should take 〈〉. */
function nestedMarks(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '《') {
      if (depth > 0) found.push(text.slice(Math.max(0, i - 12), i + 12));
      depth += 1;
    } else if (c === '》' && depth > 0) depth -= 1;
  }
  return found;
}

const pages = listFiles(DIST).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));

describe('typography of the pages', () => {
  it('has the pages to check', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  it('numbers with full-width brackets, （六） not (六), and puts no ASCII punctuation between Chinese characters', () => {
    const problems = pages.flatMap((file) => {
      const text = readerText(readDist(file));
      return [...text.matchAll(/\([一二三四五六七八九十百]+\)|\p{Script=Han}[,;:!?]\p{Script=Han}/gu)].map((m) => `${file}: ${m[0]}`);
    });
    expect(problems).toEqual([]);
  });

  it('nests book titles as 《…〈…〉…》', () => {
    const problems = pages.flatMap((file) => nestedMarks(readerText(readDist(file))).map((at) => `${file}: ${at}`));
    expect(problems).toEqual([]);
  });
});
