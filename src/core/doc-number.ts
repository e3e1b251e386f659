/**
 * 文号 as people write them: 川人社发(2010)44号, 川人社发〔2010〕44号, 宜府办函[2014]282号 and
 * 宜府办函（2014）第282号 are the same number. Apart from citation-key.ts, which hashes with
 * node:crypto, so that the browser (the search and /cite/ pages) can use it too.
 */
export function normaliseDocNumber(docNumber: string): string {
  return docNumber
    .replace(/\s+/g, '')
    .replace(/[(（[【［〔](\d{4})[)）\]】］〕]/, '〔$1〕')
    .replace(/第(\d+)号$/, '$1号');
}

/** A 文号 standing anywhere in a text: issuer code, year in any brackets, number and 号. */
export const DOC_NUMBER_IN_TEXT = /\p{Script=Han}{1,12}[〔(（[【［]\s*\d{4}\s*[〕)）\]】］]\s*第?\s*\d+\s*号/u;
