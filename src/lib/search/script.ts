import type { ScriptConverter } from './query.ts';

/** The parts of `opencc-js/t2cn` used here; the module is passed in, so that the browser can load it lazily. */
export interface OpenccT2cn {
  Converter(options: { from: 'tw'; to: 'cn' }): (text: string) => string;
  Trie: new () => { loadDict(dict: [string, string][]): void; convert(text: string): string };
}

/** An entry of content/normalise/t2s-overrides.json (its `reason` is not needed here). */
export interface Override {
  traditional: string;
  simplified: string;
}

/**
 * The Chinese characters the corpus uses (counted by hanCounts), once each, in code point order. The corpus is simplified,
 * so a query character outside this set is either traditional or found nowhere: only then is the
 * converter worth loading, and only such a character proves a query traditional.
 */
export function corpusCharacters(counts: ReadonlyMap<string, number>): string {
  return [...counts.keys()].sort().join('');
}

/**
 * The query converter: opencc's tw→cn (the preset the ingest uses) followed by the project's
 * override table, keyed like the ingest keys it, by opencc's own output for each traditional phrase,
 * so that a query is converted exactly as the documents were. `corpus`: see corpusCharacters.
 */
export function createScriptConverter(opencc: OpenccT2cn, overrides: readonly Override[], corpus: ReadonlySet<string>): ScriptConverter {
  const toSimplified = opencc.Converter({ from: 'tw', to: 'cn' });
  const fixes = new opencc.Trie();
  fixes.loadDict(overrides.map((o): [string, string] => [toSimplified(o.traditional), o.simplified]));
  return {
    convert: (text) => fixes.convert(toSimplified(text)),
    inCorpus: (char) => corpus.has(char),
  };
}
