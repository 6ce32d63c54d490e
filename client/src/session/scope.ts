import type { MeResponse } from '@junheng/shared';

/**
 * The townships a user is restricted to, as names in code order, or null for the whole county. Only viewers (and
 * any user an admin gave townships) are restricted; county-level figures are then computed over these townships.
 */
export function restrictedTownshipNames(me: Pick<MeResponse, 'user'> | undefined): string[] | null {
  const townships = me?.user.townships;
  if (!townships || townships.length === 0) return null;
  return [...townships].sort((a, b) => a.code.localeCompare(b.code)).map((township) => township.name || township.code);
}
