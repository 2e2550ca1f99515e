import { createHash } from 'node:crypto';

/** Anki's base91 alphabet (rslib `notes/mod.rs`, genanki `util.py` BASE91_TABLE). */
export const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';
const RADIX = BigInt(BASE91.length);

/**
 * genanki's `guid_for(*values)`, byte for byte: SHA-256 of the values joined by
 * `__`, first 8 bytes as a big-endian u64, written in base91 most significant
 * digit first. Matching genanki keeps GUIDs reproducible by other tools, and
 * this algorithm must never change: every GUID already imported depends on it.
 */
export function guidFor(...values: string[]): string {
  const digest = createHash('sha256').update(values.join('__'), 'utf8').digest();
  let n = digest.readBigUInt64BE(0);
  let out = '';
  while (n > 0n) {
    out = BASE91[Number(n % RADIX)] + out;
    n /= RADIX;
  }
  return out;
}
