/**
 * `target.push(...items)` passes every item as an argument, and V8 throws
 * "Maximum call stack size exceeded" past roughly 120,000 of them (one file
 * with that many diagnostics or notes). A loop has no such limit.
 */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
