import type { Block } from './schemas/structure.ts';

/** An article's words as a reader reads them: each 款 on its own line, items with their printed numbers. */
export function articleText(children: readonly Block[]): string {
  const lines: string[] = [];
  const walk = (blocks: readonly Block[], prefix: string) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') lines.push(b.text);
      else if (b.type === 'provision') {
        const own = `${b.label}${b.title ?? ''}${b.text}`;
        if (own !== '') lines.push(`${prefix}${own}`);
        walk(b.children, b.kind === 'paragraph' ? '' : prefix);
      }
    }
  };
  walk(children, '');
  return lines.join('\n');
}
