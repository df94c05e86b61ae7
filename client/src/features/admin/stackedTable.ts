/**
 * The admin tables (users, jobs) on a phone: under the `md` breakpoint each row is a block of its own and each cell
 * shows its column's name (its `data-label`) above the value, so nothing scrolls sideways. From `md` on they are the
 * plain tables they always were (the frame scrolls a table wider than the page, as before).
 *
 * Tailwind finds class names by reading the source, so the classes are spelled out here in full.
 */
export const stackedTable = {
  /** The rounded frame around the table. */
  frame: 'relative rounded-2xl border border-slate-200 bg-white shadow-sm md:overflow-x-auto',
  /** The table itself; add its desktop minimum width (e.g. `md:min-w-[52rem]`). */
  table: 'block w-full text-left text-sm md:table',
  /** The column headings: shown as a header row from `md` on; on a phone each cell names its column instead. */
  head: 'hidden border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase md:table-header-group',
  body: 'block divide-y divide-slate-100 md:table-row-group',
  /** A row: two columns of cells on a phone. */
  row: 'grid grid-cols-2 gap-x-4 gap-y-3 px-4 py-4 md:table-row md:p-0',
  /** A cell with a label on a phone (give it `data-label`). */
  cell: 'block min-w-0 max-md:[overflow-wrap:anywhere] before:mb-1 before:block before:text-xs before:font-semibold before:tracking-wide before:text-slate-600 before:uppercase before:content-[attr(data-label)] md:table-cell md:px-4 md:py-3 md:align-top md:before:hidden',
  /** A cell across the whole row on a phone, with no label (what the row is about, its actions). */
  wide: 'col-span-2 block min-w-0 max-md:[overflow-wrap:anywhere] md:table-cell md:px-4 md:py-3 md:align-top',
} as const
