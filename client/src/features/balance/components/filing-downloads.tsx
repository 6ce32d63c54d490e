import { useLang, useT } from '../../../i18n/i18n.tsx';
import { FILING_TABLE_KEYS, filingCsvUrl, filingWorkbookUrl } from '../api/filing-tables.ts';

/**
 * 下载督导评估表格: the standard tables inspectors check (issue #12 point 2) for the county year shown, as one
 * print-ready workbook or one table as CSV. Always the whole county and both stages, whatever the view's filters.
 */
export function FilingDownloads({ code, year }: { code: string; year: number }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <div className="filing-downloads">
      <details className="download-menu">
        <summary className="button button-secondary button-small">{t('filing.download')}</summary>
        <ul className="download-list">
          <li className="muted small filing-downloads-hint">{t('filing.downloadHint', { year: String(year) })}</li>
          <li>
            <a href={filingWorkbookUrl(code, year, lang)} download>
              {t('filing.xlsx')}
              <span className="muted small">{t('filing.xlsxHint')}</span>
            </a>
          </li>
          {FILING_TABLE_KEYS.map((table) => (
            <li key={table}>
              <a href={filingCsvUrl(code, year, table, lang)} download>
                {t('filing.csvOf', { table: t(`filing.table.${table}`) })}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
