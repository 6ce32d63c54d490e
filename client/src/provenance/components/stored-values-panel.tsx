import type { SourcedValue } from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { ErrorMessage } from '../../components/error-boundary.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { schoolSourcesQueryOptions } from '../api/school-sources.ts';
import '../provenance.css';

function displayValue(item: SourcedValue, t: ReturnType<typeof useT>): string {
  const { value } = item;
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? t('school.yes') : t('school.no');
  if (typeof value === 'number') return formatNumber(value, Number.isInteger(value) ? 0 : 2);
  return value;
}

/** Where one value was read: file, sheet, cell, header, and the import batch with its time (or why there is none). */
function SourceTip({ item, id }: { item: SourcedValue; id: string }) {
  const t = useT();
  const { source, batch } = item;
  const batchLine = batch
    ? t('provenance.tip.batchLine', {
        id: String(batch.id),
        source: t(`provenance.source.${batch.source}`),
        time: formatDateTime(batch.importedAt),
      })
    : null;
  return (
    <span role="tooltip" id={id} className="value-source-tip">
      {source ? (
        <span className="value-source-lines">
          <span className="value-source-term">{t('provenance.tip.file')}</span>
          <span className="value-source-file">{source.file}</span>
          <span className="value-source-term">{t('provenance.tip.sheet')}</span>
          <span>{source.sheet ?? t('provenance.tip.csv')}</span>
          <span className="value-source-term">{t('provenance.tip.cell')}</span>
          <span className="value-source-cell">{source.cell}</span>
          {source.label ? (
            <>
              <span className="value-source-term">{t('provenance.tip.label')}</span>
              <span>{source.label}</span>
            </>
          ) : null}
          {batchLine ? (
            <>
              <span className="value-source-term">{t('provenance.tip.batch')}</span>
              <span>{batchLine}</span>
            </>
          ) : null}
        </span>
      ) : (
        <>
          <strong>{t('provenance.tip.none')}</strong>
          <span className="value-source-why">
            {batch?.source === 'demo' ? t('provenance.tip.noneDemo') : t('provenance.tip.noneOld')}
          </span>
          {batchLine ? <span className="value-source-why">{batchLine}</span> : null}
        </>
      )}
    </span>
  );
}

/** A value that shows its source on hover and on keyboard focus (the tooltip is its accessible description). */
function SourcedValueCell({ item }: { item: SourcedValue }) {
  const t = useT();
  const id = useId();
  return (
    <span className="sourced-wrap">
      <button
        type="button"
        className={item.source ? 'sourced-value' : 'sourced-value sourced-value-none'}
        aria-describedby={id}
      >
        {displayValue(item, t)}
      </button>
      <SourceTip item={item} id={id} />
    </span>
  );
}

function ValuesTable({ caption, rows, numeric }: { caption: string; rows: readonly SourcedValue[]; numeric: boolean }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <table className="table sourced-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('provenance.field')}</th>
          <th scope="col" className={numeric ? 'num' : undefined}>
            {t('provenance.value')}
          </th>
          {numeric ? <th scope="col">{t('provenance.unit')}</th> : null}
          <th scope="col">{t('provenance.cell')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((item) => (
          <tr key={item.field}>
            <th scope="row">{lang === 'zh' ? item.zh : `${item.zh} ${item.key}`}</th>
            <td className={numeric ? 'num' : undefined}>
              <SourcedValueCell item={item} />
            </td>
            {numeric ? <td className="muted">{item.unit ?? ''}</td> : null}
            <td className="muted value-cell-ref">{item.source?.cell ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 原始数据与来源 (issue #13 point 4): the school's attributes and the year's stored statistics, each value showing on
 * hover or focus the file, sheet and cell it was read from and the import batch that wrote it.
 */
export function StoredValuesPanel({ code, year }: { code: string; year: number }) {
  const t = useT();
  const query = useQuery(schoolSourcesQueryOptions(code, year));
  let body: React.ReactNode;
  if (query.isError) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else if (!query.data) body = <Skeleton lines={6} />;
  else if (query.data.values.length === 0) body = <p className="muted">{t('provenance.empty')}</p>;
  else
    body = (
      <div className="sourced-grid">
        <ValuesTable caption={t('provenance.attributes')} rows={query.data.attributes} numeric={false} />
        <ValuesTable caption={t('provenance.values', { year })} rows={query.data.values} numeric />
      </div>
    );
  return (
    <section className="card stored-values" aria-labelledby="stored-values-title">
      <h2 id="stored-values-title" className="card-title">
        {t('provenance.title')}
      </h2>
      <p className="muted small">{t('provenance.subtitle', { year })}</p>
      {body}
    </section>
  );
}
