import { ROLE_LABELS } from '@junheng/shared';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ApiTokens } from '../../session/components/api-tokens.tsx';
import { useMe } from '../../session/hooks/use-me.ts';
import { restrictedTownshipNames } from '../../session/scope.ts';
import './auth.css';

/** 我的账户: who the user is, what they may see, and their own API tokens. */
export default function AccountPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useMe();
  const townships = restrictedTownshipNames(me);
  return (
    <section className="page" aria-labelledby="account-title">
      <h1 id="account-title" className="page-title">
        {t('account.title')}
      </h1>
      {me ? (
        <div className="card">
          <dl className="account-facts">
            <dt>{t('user.name')}</dt>
            <dd>{me.user.username}</dd>
            <dt>{t('user.role')}</dt>
            <dd>{pickLabel(ROLE_LABELS[me.user.role], lang)}</dd>
            <dt>{t('user.scope')}</dt>
            <dd>
              {townships ? townships.join(t('common.listSeparator')) : t('user.scopeAll')}
              {me.user.districtCodes ? (
                <span className="muted"> · {me.user.districtCodes.join(t('common.listSeparator'))}</span>
              ) : null}
            </dd>
            <dt>{t('account.lastLogin')}</dt>
            <dd>{formatDateTime(me.user.lastLoginAt)}</dd>
          </dl>
          <p className="muted small">{t('account.passwordNote')}</p>
        </div>
      ) : null}
      <ApiTokens />
    </section>
  );
}
