export type PageWindow = { skip: number; take: number };

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
  const first = Math.max(1, Math.floor(page));
  const [total, rows] = await Promise.all([count(), read({ skip: (first - 1) * pageSize, take: pageSize })]);
  return { total, rows };
}
