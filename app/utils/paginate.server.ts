export type PageWindow = { skip: number; take: number };

/** The rows of page `page` (1 is the first; anything below reads the first). */
export function pageWindow(page: number, pageSize: number): PageWindow {
  return { skip: (Math.max(1, Math.floor(page)) - 1) * pageSize, take: pageSize };
}

/**
 * One page of a list, counted and read together: page 1 is the first; a page past the end
 * is empty and still reports the total, so the page can offer a way back.
 */
export async function paginate<Row>(
  page: number,
  pageSize: number,
  count: () => Promise<number>,
  read: (window: PageWindow) => Promise<Row[]>,
): Promise<{ total: number; rows: Row[] }> {
  const [total, rows] = await Promise.all([count(), read(pageWindow(page, pageSize))]);
  return { total, rows };
}
