// The answer shape of every list endpoint.

/** A page of a list: the rows asked for and how many there are in all. */
export function page<T>(items: T[], total: number, query: { limit: number; offset: number }) {
  return { items, total, limit: query.limit, offset: query.offset };
}
