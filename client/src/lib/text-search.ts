/** Case- and width-insensitive match on a name or a code (full-width digits and letters count as half-width). */
export function matchesSearch(option: { code: string; name: string }, search: string): boolean {
  const needle = search.trim().normalize('NFKC').toLowerCase();
  if (!needle) return true;
  return option.name.normalize('NFKC').toLowerCase().includes(needle) || option.code.includes(needle);
}
