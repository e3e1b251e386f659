import { createHash, type Hash } from 'node:crypto';

/** Adds a named value to a digest, framed by its name and length, so that no two sets of values run together. */
export function hashField(hash: Hash, name: string, value: string | Uint8Array): void {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  hash.update(`${name} ${bytes.byteLength}\n`).update(bytes);
}

/** The SHA-256 of a file's bytes, or of a text's UTF-8 bytes. */
export function contentDigest(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
