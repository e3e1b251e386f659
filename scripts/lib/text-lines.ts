/** Line numbers of offsets in a text, for diagnostics that point at a line: the ingest's and the checks'. */

/** A function from an offset in `text` to its 1-based line; the line starts are found once, then each lookup is a binary search. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** The 1-based line of one offset in `text`. */
export function lineAt(text: string, offset: number): number {
  return lineLocator(text)(offset);
}
