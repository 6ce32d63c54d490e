import { STAGE_LABELS, type WhatIfCvChange, type WhatIfResponse, type WhatIfSchoolChange } from '@junheng/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel.tsx';
import { IndicatorLabel, VerdictText } from '../../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { SchoolLink } from '../../../county-view/components/school-link.tsx';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { exportFileName } from '../../../lib/export-links.ts';
import { formatCv, formatInteger } from '../../../lib/format.ts';
import { buildCvCompareOption, cvCompareHeight } from '../charts/build-cv-compare-option.ts';

/** The answer to a scenario: before/after CVs as bar pairs with the limit, the table, and the verdicts. */
export function WhatIfResult({
  county,
  query,
  stale,
}: {
  county: CountyQuery;
  query: UseQueryResult<WhatIfResponse>;
  stale: boolean;
}) {
  const t = useT();
  const [lang] = useLang();
  const data = query.data;
  const stage = county.stage;
  const stageLabel = pickLabel(STAGE_LABELS[stage], lang);
  const changes = useMemo(() => (data ? data.cvChanges.filter((change) => change.stage === stage) : []), [data, stage]);
  const before = data?.before[stage];
  const after = data?.after?.[stage];
  const cvLimit = before?.cvLimit ?? 0.5;
  const option = useMemo(
    () =>
      data?.valid
        ? buildCvCompareOption(
            changes.map((change) => ({
              key: change.key,
              before: change.before,
              after: change.after,
              passesBefore: change.passesBefore,
              passesAfter: change.passesAfter,
            })),
            { lang, cvLimit },
          )
        : null,
    [data, changes, lang, cvLimit],
  );

  if (data && !data.valid) {
    return (
      <div className="banner banner-error" role="alert">
        {t('improve.whatIf.rejected', { count: formatInteger(data.errors.length) })}
      </div>
    );
  }

  const verdict = data?.verdicts.find((item) => item.stage === stage);
  const title = t('improve.whatIf.resultTitle', { stage: stageLabel });
  return (
    <div className={stale ? 'whatif-result stale' : 'whatif-result'}>
      <ChartPanel
        title={title}
        subtitle={t('improve.whatIf.resultSubtitle', { changes: formatInteger(data?.changes ?? 0) })}
        query={query}
        exports={null}
        fileName={exportFileName([data?.district.name, county.year, stageLabel, title])}
        skeletonHeight={cvCompareHeight(7)}
        chart={(ref) =>
          option ? (
            <LazyEChart option={option} ariaLabel={title} height={cvCompareHeight(changes.length)} ref={ref} />
          ) : null
        }
        table={() => <CvChangeTable changes={changes} caption={title} />}
        footer={
          <dl className="whatif-verdicts">
            <div>
              <dt>{t('improve.whatIf.verdict')}</dt>
              <dd>
                <VerdictText passes={verdict?.before ?? null} /> → <VerdictText passes={verdict?.after ?? null} />
              </dd>
            </div>
            <div>
              <dt>{t('improve.whatIf.cvVerdict')}</dt>
              <dd>
                <VerdictText passes={before?.verdict.cvPasses ?? null} /> →{' '}
                <VerdictText passes={after?.verdict.cvPasses ?? null} />
              </dd>
            </div>
            <div>
              <dt>{t('improve.whatIf.schoolsPassing')}</dt>
              <dd>
                {formatInteger(before?.verdict.schoolsPassing)} → {formatInteger(after?.verdict.schoolsPassing)}
                <span className="muted"> / {formatInteger(after?.schoolsCounted ?? before?.schoolsCounted)}</span>
              </dd>
            </div>
            <p className="muted small">{t('improve.whatIf.nothingWritten')}</p>
          </dl>
        }
      />
      {data?.valid ? (
        <SchoolChangeTable changes={data.schoolChanges.filter((change) => change.stage === stage)} />
      ) : null}
    </div>
  );
}

/** Which schools the scenario moves, so "达标学校 47 → 48" can be read as "学校X now passes". */
function SchoolChangeTable({ changes }: { changes: readonly WhatIfSchoolChange[] }) {
  const t = useT();
  const caption = t('improve.whatIf.schoolChanges.title', { count: formatInteger(changes.length) });
  if (changes.length === 0) {
    return (
      <section className="whatif-school-changes" aria-label={caption}>
        <h3>{caption}</h3>
        <p className="muted">{t('improve.whatIf.schoolChanges.none')}</p>
      </section>
    );
  }
  const indicatorList = (keys: readonly WhatIfSchoolChange['nowMet'][number][]) =>
    keys.length === 0 ? (
      '—'
    ) : (
      <span className="indicator-list">
        {keys.map((key) => (
          <IndicatorLabel key={key} indicator={key} />
        ))}
      </span>
    );
  const columns: Column<WhatIfSchoolChange>[] = [
    {
      id: 'school',
      header: t('table.school'),
      cell: (row) => <SchoolLink code={row.code} name={row.name} />,
      pin: 'start',
    },
    {
      id: 'verdict',
      header: t('table.verdict'),
      cell: (row) => (
        <>
          <VerdictText passes={row.passesBefore} /> → <VerdictText passes={row.passesAfter} />
        </>
      ),
    },
    {
      id: 'metCount',
      header: t('table.metCount'),
      numeric: true,
      cell: (row) => `${row.metCountBefore ?? '—'} → ${row.metCountAfter ?? '—'}`,
    },
    { id: 'nowMet', header: t('improve.whatIf.schoolChanges.nowMet'), cell: (row) => indicatorList(row.nowMet) },
    {
      id: 'noLongerMet',
      header: t('improve.whatIf.schoolChanges.noLongerMet'),
      cell: (row) => indicatorList(row.noLongerMet),
    },
  ];
  return (
    <section className="whatif-school-changes">
      <DataTable
        caption={caption}
        showCaption
        columns={columns}
        rows={changes}
        rowKey={(row) => `${row.stage}:${row.code}`}
      />
    </section>
  );
}

function CvChangeTable({ changes, caption }: { changes: readonly WhatIfCvChange[]; caption: string }) {
  const t = useT();
  const columns: Column<WhatIfCvChange>[] = [
    { id: 'indicator', header: t('table.indicator'), cell: (row) => <IndicatorLabel indicator={row.key} /> },
    { id: 'before', header: t('improve.chart.before'), numeric: true, cell: (row) => formatCv(row.before) },
    { id: 'after', header: t('improve.chart.after'), numeric: true, cell: (row) => formatCv(row.after) },
    {
      id: 'delta',
      header: t('improve.chart.delta'),
      numeric: true,
      cell: (row) =>
        row.delta === null
          ? '—'
          : `${row.delta > 0 && formatCv(row.delta) !== formatCv(0) ? '+' : ''}${formatCv(row.delta)}`,
    },
    {
      id: 'verdict',
      header: t('table.cvVerdict'),
      cell: (row) => (
        <>
          <VerdictText passes={row.passesBefore} /> → <VerdictText passes={row.passesAfter} />
        </>
      ),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={changes} rowKey={(row) => `${row.stage}:${row.key}`} />;
}
