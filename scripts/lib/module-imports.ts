import { init, parse } from 'es-module-lexer';

await init;

/**
 * What a module imports, by specifier (es-module-lexer, which reads TypeScript's `import type` too):
 * static imports and re-exports, and dynamic imports of a string literal.
 */
export function importSpecifiers(source: string): string[] {
  const [imports] = parse(source);
  return imports.flatMap((i) => {
    if (i.type === 'static' || i.type === 'reexport-star') return [i.specifier];
    return i.type === 'dynamic' && i.specifier !== undefined && !i.glob ? [i.specifier] : [];
  });
}
