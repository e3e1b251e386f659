import type { z } from 'astro/zod';

/**
 * A register of which entry owns each key (an id, an alias, a phrase). The returned `claim` reports
 * a key that a second entry also claims, so that no word in reviewed data can resolve two ways.
 * An entry may claim its own key twice (a name repeated in a pattern); only a different owner is a conflict.
 */
export function ownership(ctx: z.RefinementCtx, what: string): (key: string, owner: string, path: PropertyKey[]) => void {
  const owners = new Map<string, string>();
  return (key, owner, path) => {
    const prior = owners.get(key);
    if (prior === undefined) owners.set(key, owner);
    else if (prior !== owner) ctx.addIssue({ code: 'custom', message: `${what} "${key}" is listed under both ${prior} and ${owner}`, path });
  };
}

/** Values listed twice in one array, reported once each: a repeated alias is a slip, never intended. */
export function repeated(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}
