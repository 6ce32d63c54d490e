import { useT } from '../../i18n/i18n.tsx';
import { useMe } from '../hooks/use-me.ts';
import { restrictedTownshipNames } from '../scope.ts';

/**
 * Says, next to the filters, that a restricted user's county-level figures are computed over their townships only
 * (the print header says it too); renders nothing for a user who sees the whole county.
 */
export function ScopeNotice() {
  const t = useT();
  const names = restrictedTownshipNames(useMe());
  if (!names) return null;
  const townships = names.join(t('common.listSeparator'));
  return (
    <p className="banner banner-info scope-notice" role="note">
      {t('scope.banner', { townships })}
    </p>
  );
}
