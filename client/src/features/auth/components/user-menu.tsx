import { ROLE_LABELS } from '@junheng/shared';
import { Link, useNavigate } from 'react-router';
import { useDismissableDetails } from '../../../components/use-dismissable-details.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLogoutMutation } from '../api/session.ts';
import '../auth.css';
import { useMe } from '../../../session/hooks/use-me.ts';
import { restrictedTownshipNames } from '../../../session/scope.ts';
import { LOGIN_PATH, REASON_PARAM } from '../return-url.ts';

/** Who is signed in (name, role, township scope), a link to their account and API tokens, and sign-out. */
export function UserMenu() {
  const t = useT();
  const [lang] = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogoutMutation();
  const menu = useDismissableDetails();
  if (!me) return null;

  const { user } = me;
  const townships = restrictedTownshipNames(me);
  const role = pickLabel(ROLE_LABELS[user.role], lang);
  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => navigate(`${LOGIN_PATH}?${REASON_PARAM}=signedOut`, { replace: true }),
    });

  return (
    <details className="user-menu" ref={menu.ref} onToggle={menu.onToggle}>
      <summary aria-label={t('user.menu')}>
        <span className="user-menu-name">{user.username}</span>
        <span className="user-menu-role">{role}</span>
      </summary>
      <div className="user-menu-panel">
        <dl className="user-menu-facts">
          <dt>{t('user.name')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('user.role')}</dt>
          <dd>{role}</dd>
          <dt>{t('user.scope')}</dt>
          <dd>
            {townships ? townships.join(t('common.listSeparator')) : t('user.scopeAll')}
            {user.districtCodes ? (
              <span className="muted"> · {user.districtCodes.join(t('common.listSeparator'))}</span>
            ) : null}
          </dd>
          {me.sessionExpiresAt ? (
            <>
              <dt>{t('user.session')}</dt>
              <dd>{t('user.sessionUntil', { time: formatDateTime(me.sessionExpiresAt) })}</dd>
            </>
          ) : null}
        </dl>
        <div className="user-menu-actions">
          <Link className="button button-secondary button-small" to="/account" onClick={menu.close}>
            {t('user.account')}
          </Link>
          <button type="button" className="button button-small" onClick={signOut} disabled={logout.isPending}>
            {logout.isPending ? t('user.loggingOut') : t('user.logout')}
          </button>
        </div>
      </div>
    </details>
  );
}
