import { useT } from '../../i18n/i18n.tsx';
import { CountyInputsForm } from './components/county-inputs-form.tsx';
import { FormatsHelp } from './components/formats-help.tsx';
import { ImportHistory } from './components/import-history.tsx';
import { ImportPanel } from './components/import-panel.tsx';
import { TemplateDownloads } from './components/template-downloads.tsx';
import './data.css';

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
          <ImportHistory />
        </div>
        <aside className="data-side">
          <TemplateDownloads />
          <FormatsHelp />
        </aside>
      </div>
      <CountyInputsForm />
    </section>
  );
}
