import { PrintButton } from '../../components/print-button.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { DataCheckDownloads } from '../../provenance/components/data-check-downloads.tsx';
import { useCan, useMe } from '../../session/hooks/use-me.ts';
import { CountyInputsForm } from './components/county-inputs-form.tsx';
import { FormatsHelp } from './components/formats-help.tsx';
import { ImportHistory } from './components/import-history.tsx';
import { ImportPanel } from './components/import-panel.tsx';
import { ImportSettingsForm } from './components/import-settings-form.tsx';
import { MappingPresets } from './components/mapping-presets.tsx';
import { TemplateDownloads } from './components/template-downloads.tsx';
import './data.css';

/**
 * Admins import and edit; analysts see the import history and read the inputs; viewers only read the inputs. What a
 * role cannot use is not shown (the server refuses it anyway).
 */
export default function DataPage() {
  const t = useT();
  const me = useMe();
  const canImport = useCan('importData');
  const canViewImports = useCan('viewImports');
  const canEdit = useCan('editInputs');
  const intro = !me || canImport ? t('data.intro') : canViewImports ? t('data.introAnalyst') : t('data.introViewer');
  return (
    <section className="page" aria-labelledby="data-title">
      <div className="page-heading">
        <h1 id="data-title" className="page-title">
          {!me || canImport ? t('data.title') : t('nav.data')}
        </h1>
        <PrintButton />
      </div>
      <p className="page-intro">{intro}</p>
      {canImport ? (
        <div className="data-grid">
          <div className="data-main">
            <ImportPanel />
            <MappingPresets />
            <ImportHistory />
          </div>
          <aside className="data-side">
            <TemplateDownloads />
            <DataCheckDownloads />
            <FormatsHelp />
          </aside>
        </div>
      ) : canViewImports ? (
        <>
          <ImportHistory />
          <DataCheckDownloads />
          <MappingPresets />
        </>
      ) : me ? (
        <DataCheckDownloads />
      ) : null}
      {me ? <CountyInputsForm readOnly={!canEdit} /> : null}
      {me ? <ImportSettingsForm readOnly={!canImport} /> : null}
    </section>
  );
}
