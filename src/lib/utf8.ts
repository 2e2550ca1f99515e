/**
 * Strict UTF-8 for the files deckgen reads (notes and the lock file): a bad
 * byte is reported where it is, never replaced by U+FFFD.
 */
const strict = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): { text: string } | { offset: number } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return { offset: firstInvalidByte(bytes) };
  }
}

/** Byte offset of the first byte that does not decode, so the diagnostic can point at it. */
function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest decodable prefix; a prefix may end mid-character, so decode in stream mode.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/** 1-based line and column (in bytes) of a byte offset. */
export function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset);
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < before.length; index += 1) {
    if (before[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
