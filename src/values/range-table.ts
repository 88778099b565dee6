// Lookup in the generated Unicode tables (py-nonprintable.ts, east-asian-width.ts): flat lists
// of sorted, inclusive [start, end] pairs. Pure.

/** Whether `codePoint` falls in one of the ranges of `table` (binary search). */
export function inRangeTable(table: readonly number[], codePoint: number): boolean {
  let lo = 0;
  let hi = table.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (codePoint < (table[2 * mid] ?? 0)) hi = mid - 1;
    else if (codePoint > (table[2 * mid + 1] ?? 0)) lo = mid + 1;
    else return true;
  }
  return false;
}
