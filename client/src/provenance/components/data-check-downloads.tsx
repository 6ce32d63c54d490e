import { resolveYear } from '../../county-view/county-query.ts';
import { useViewParams } from '../../county-view/hooks/use-view-params.ts';
import { useSelectedDistrict } from '../../districts/hooks/use-selected-district.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { dataCheckUrl } from '../api/school-sources.ts';
import '../provenance.css';

/**
 * 数据核对表 (issue #13 point 4): every stored school-year value of the selected county with the file, sheet and cell
 * it was read from, for the year in view or every year, as XLSX (print-ready) or Excel CSV.
 */
export function DataCheckDownloads() {
  const t = useT();
  const [lang] = useLang();
  const { district } = useSelectedDistrict();
  const [params] = useViewParams();
  const year = district ? resolveYear(district, params.year) : null;
  return (
    <section className="card data-check-downloads" aria-labelledby="data-check-title">
      <h2 id="data-check-title" className="card-title">
        {t('provenance.downloadTitle')}
      </h2>
      {!district ? (
        <p className="muted">{t('provenance.noCounty')}</p>
      ) : (
        <>
          <p className="muted small">{t('provenance.downloadHint', { county: district.name })}</p>
          <ul className="template-list">
            {(year === null ? [null] : [year, null]).map((y) => {
              const label = y === null ? t('provenance.downloadAll') : t('provenance.downloadYear', { year: y });
              return (
                <li key={y ?? 'all'} className="template-item">
                  <span className="template-name">{label}</span>
                  <span className="template-links">
                    {(['xlsx', 'csv'] as const).map((format) => (
                      <a
                        key={format}
                        className="button button-secondary button-small"
                        href={dataCheckUrl(district.code, y, format, lang)}
                        download
                        aria-label={`${t('provenance.downloadTitle')} ${label} ${format.toUpperCase()}`}
                      >
                        {format.toUpperCase()}
                      </a>
                    ))}
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="muted small">
            {t('provenance.downloadXlsx')} · {t('provenance.downloadCsv')}
          </p>
        </>
      )}
    </section>
  );
}
