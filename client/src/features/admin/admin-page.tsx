import { useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n/dictionary.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiTokens } from '../../session/components/api-tokens.tsx';
import { useCan } from '../../session/hooks/use-me.ts';
import { AuditPanel } from './components/audit-panel.tsx';
import { UsersPanel } from './components/users-panel.tsx';
import './admin.css';
import { useSetLatestSearchParams } from '../../lib/latest-search-params.ts';

export const ADMIN_TABS = ['users', 'tokens', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

const TAB_LABELS: Record<AdminTab, MessageKey> = {
  users: 'admin.tab.users',
  tokens: 'admin.tab.tokens',
  audit: 'admin.tab.audit',
};

export function readAdminTab(value: string | null): AdminTab {
  return (ADMIN_TABS as readonly (string | null)[]).includes(value) ? (value as AdminTab) : 'users';
}

/** 系统管理 (admins): users, everyone's API tokens and the audit log, one tab at a time (`?tab=`). */
export default function AdminPage() {
  const t = useT();
  const allowed = useCan('manageUsers');
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const tab = readAdminTab(searchParams.get('tab'));

  if (!allowed) {
    return (
      <section className="page">
        <h1 className="page-title">{t('admin.title')}</h1>
        <div className="card">
          <p>{t('admin.forbidden')}</p>
        </div>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="admin-title">
      <h1 id="admin-title" className="page-title">
        {t('admin.title')}
      </h1>
      <p className="page-intro">{t('admin.intro')}</p>
      <div className="admin-tabs" role="tablist" aria-label={t('admin.tabs')}>
        {ADMIN_TABS.map((item) => (
          <button
            key={item}
            type="button"
            role="tab"
            id={`admin-tab-${item}`}
            aria-selected={tab === item}
            aria-controls="admin-tabpanel"
            className={tab === item ? 'admin-tab active' : 'admin-tab'}
            onClick={() =>
              setSearchParams(
                (previous) => {
                  const next = new URLSearchParams(previous);
                  next.set('tab', item);
                  next.delete('action');
                  next.delete('user');
                  return next;
                },
                { replace: true },
              )
            }
          >
            {t(TAB_LABELS[item])}
          </button>
        ))}
      </div>
      <div id="admin-tabpanel" role="tabpanel" aria-labelledby={`admin-tab-${tab}`} className="admin-panel">
        {tab === 'users' ? <UsersPanel /> : tab === 'tokens' ? <ApiTokens everyone /> : <AuditPanel />}
      </div>
    </section>
  );
}
