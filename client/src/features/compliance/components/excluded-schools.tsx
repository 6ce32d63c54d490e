import { EXCLUSION_REASON_LABELS, LOCALE_LABELS, type StageUnitExclusion } from '@junheng/shared';
import { useMemo } from 'react';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { formatInteger } from '../../../lib/format.ts';

/** Schools left out of the CVs and the compliance count, each with its reason (METHOD.md §2: never silent). */
export function ExcludedSchools({ excluded }: { excluded: readonly StageUnitExclusion[] }) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<StageUnitExclusion>[]>(
    () => [
      { id: 'name', header: t('table.school'), cell: (row) => row.name },
      { id: 'code', header: t('table.schoolCode'), cell: (row) => <span className="mono">{row.code}</span> },
      {
        id: 'locale',
        header: t('table.locale'),
        cell: (row) => (row.locale ? pickLabel(LOCALE_LABELS[row.locale], lang) : '—'),
      },
      { id: 'students', header: t('table.students'), numeric: true, cell: (row) => formatInteger(row.students) },
      {
        id: 'reason',
        header: t('table.reason'),
        cell: (row) => (lang === 'zh' ? row.reasonZh : pickLabel(EXCLUSION_REASON_LABELS[row.reason], lang)),
      },
    ],
    [t, lang],
  );
  const students = excluded.reduce((sum, row) => sum + row.students, 0);
  return (
    <section className="card" aria-labelledby="excluded-title">
      <h2 id="excluded-title" className="card-title">
        {t('compliance.excludedTitle', { count: formatInteger(excluded.length) })}
      </h2>
      {excluded.length ? (
        <>
          <p className="muted small">{t('compliance.excludedNote', { students: formatInteger(students) })}</p>
          <DataTable
            caption={t('compliance.excludedTitle', { count: formatInteger(excluded.length) })}
            columns={columns}
            rows={excluded}
            rowKey={(row) => `${row.code}-${row.stage}`}
          />
        </>
      ) : (
        <p className="muted">{t('compliance.noneExcluded')}</p>
      )}
    </section>
  );
}
