import { useT } from '../../i18n/i18n.tsx';
import { FormatsHelp } from './components/formats-help.tsx';
import { ImportPanel } from './components/import-panel.tsx';
import { TemplateDownloads } from './components/template-downloads.tsx';

export default function DataPage() {
  const t = useT();
  return (
    <section className="page" aria-labelledby="data-title">
      <h1 id="data-title" className="page-title">
        {t('data.title')}
      </h1>
      <p className="page-intro">{t('data.intro')}</p>
      <div className="data-grid">
        <div className="data-main">
          <ImportPanel />
        </div>
        <aside className="data-side">
          <TemplateDownloads />
          <FormatsHelp />
        </aside>
      </div>
    </section>
  );
}
