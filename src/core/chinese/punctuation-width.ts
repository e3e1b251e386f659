/**
 * The ASCII marks text extraction leaves in Chinese text and their full-width forms (GB/T 15834).
 * Shared by the ingest's ascii-punctuation rule, which widens them, and by the readers that must not
 * take a change of width for a change of content (the golden ids, the published-text view).
 */
export const FULL_WIDTH_PUNCTUATION: Readonly<Record<string, string>> = {
  ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）',
};

const ASCII_PUNCTUATION: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FULL_WIDTH_PUNCTUATION).map(([ascii, wide]) => [wide, ascii]),
);

/** The text with these marks folded to ASCII: two texts that differ only in the width of their punctuation fold alike. */
export function foldPunctuationWidth(text: string): string {
  return text.replace(/[，：；？！（）]/gu, (c) => ASCII_PUNCTUATION[c] ?? c);
}
