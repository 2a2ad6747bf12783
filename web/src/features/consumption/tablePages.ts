/** Rows per page of the consumption table: a month of hours fits on one; a year of quarter-hours is 44 pages, not 35,040 rows at once. */
export const PAGE_SIZE = 800;

/** How many pages `count` rows take (at least one). */
export function pageCount(count: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(count / size));
}

/** The rows [first, last) of page `page` (0-based, clamped to the pages there are) of `count` rows. */
export function pageBounds(count: number, page: number, size = PAGE_SIZE): [number, number] {
  const shown = Math.min(Math.max(0, page), pageCount(count, size) - 1);
  return [shown * size, Math.min(count, (shown + 1) * size)];
}
