/**
 * Anki's note and card ids are milliseconds of creation. Shared by identify (which fixes each note's id once,
 * so it can be searched with `nid:` later) and the apkg writer (card ids).
 */

/**
 * Hands out ids "base, then +1 until unused". Remembers where each base left
 * off, so 10,000 notes created in the same second stay linear, not quadratic.
 */
export class IdAllocator {
  private readonly used = new Set<number>();
  private readonly nextFor = new Map<number, number>();

  /** Marks an id as taken (already given to a note) without handing it out. */
  reserve(id: number): void {
    this.used.add(id);
  }

  take(base: number): number {
    let id = this.nextFor.get(base) ?? base;
    while (this.used.has(id)) id += 1;
    this.used.add(id);
    this.nextFor.set(base, id + 1);
    return id;
  }
}
