/**
 * Competition ranking, highest value first: equal values share a rank and the next rank skips (1, 2, 2, 4).
 * Items without a value come last and take the ranks after every valued item. Ties keep their input order.
 */
export function rankRows<T>(items: readonly T[], readValue: (item: T) => number | null): { rank: number; item: T }[] {
  const sorted = items
    .map((item, index) => ({ item, index, value: readValue(item) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === null ? (b.value === null ? a.index - b.index : 1) : -1;
      return b.value - a.value || a.index - b.index;
    });
  let rank = 0;
  let previous: number | null | undefined;
  return sorted.map((entry, position) => {
    if (entry.value === null || entry.value !== previous) rank = position + 1;
    previous = entry.value;
    return { rank, item: entry.item };
  });
}
