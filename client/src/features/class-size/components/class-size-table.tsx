import { type ClassSizeSchoolRow, SCHOOL_TYPE_LABELS } from '@junheng/shared';
import { memo, useMemo } from 'react';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { SchoolLink } from '../../../county-view/components/school-link.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { formatInteger } from '../../../lib/format.ts';

/** A count, or 无数据 for an unknown (a blank is never shown as 0). */
function Count({ value, over = false }: { value: number | null; over?: boolean }) {
  const t = useT();
  if (value === null) return <span className="muted">{t('classSize.noData')}</span>;
  return <span className={over && value > 0 ? 'cell-state state-under' : undefined}>{formatInteger(value)}</span>;
}

/** One row per school of the stage, in the report's order (66+ first), with the same columns as the export. */
export const ClassSizeTable = memo(function ClassSizeTable({
  rows,
  caption,
  maxHeight,
}: {
  rows: readonly ClassSizeSchoolRow[];
  caption: string;
  maxHeight?: number;
}) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<ClassSizeSchoolRow>[]>(
    () => [
      { id: 'name', header: t('table.school'), cell: (row) => <SchoolLink code={row.code} name={row.name} /> },
      {
        id: 'type',
        header: t('classSize.schoolType'),
        cell: (row) => pickLabel(SCHOOL_TYPE_LABELS[row.schoolType], lang),
      },
      { id: 'township', header: t('table.township'), cell: (row) => row.townshipName },
      { id: 'classes', header: t('classSize.classes'), numeric: true, cell: (row) => formatInteger(row.classes) },
      {
        id: 'large',
        header: t('classSize.large'),
        numeric: true,
        cell: (row) => <Count value={row.largeClasses} over />,
      },
      { id: 'huge', header: t('classSize.huge'), numeric: true, cell: (row) => <Count value={row.hugeClasses} over /> },
      {
        id: 'max',
        header: t('classSize.maxClassSize'),
        numeric: true,
        cell: (row) =>
          row.maxClassSize !== null ? (
            <span className={row.maxClassSize > row.limit ? 'cell-state state-under' : undefined}>
              {formatInteger(row.maxClassSize)}
            </span>
          ) : row.maxBound !== null ? (
            <span className="muted">{t('classSize.atMost', { value: formatInteger(row.maxBound) })}</span>
          ) : (
            <span className="muted">{t('classSize.noData')}</span>
          ),
      },
      { id: 'limit', header: t('classSize.limit'), numeric: true, cell: (row) => `≤ ${row.limit}` },
      {
        id: 'passes',
        header: t('classSize.withinLimit'),
        cell: (row) =>
          row.passes === null ? (
            <span className="verdict verdict-none">{t('classSize.notJudged')}</span>
          ) : row.passes ? (
            <span className="verdict verdict-pass">✓ {t('verdict.pass')}</span>
          ) : (
            <span className="verdict verdict-fail">✗ {t('verdict.fail')}</span>
          ),
      },
      {
        id: 'basis',
        header: t('classSize.basis'),
        cell: (row) =>
          row.basis === 'stage'
            ? t('classSize.basisStage')
            : row.basis === 'school'
              ? t('classSize.basisSchool')
              : t('classSize.noData'),
      },
      {
        id: 'stageStudents',
        header: t('classSize.stageStudents'),
        numeric: true,
        cell: (row) => formatInteger(row.stageStudents),
      },
      {
        id: 'students',
        header: t('classSize.students'),
        numeric: true,
        cell: (row) => (
          <span className={row.oversize ? 'cell-state state-under' : undefined}>
            {formatInteger(row.students)} / {formatInteger(row.sizeLimit)}
          </span>
        ),
      },
      {
        id: 'oversize',
        header: t('classSize.oversize'),
        cell: (row) =>
          row.oversize ? (
            <span className="verdict verdict-fail">{t('classSize.yes')}</span>
          ) : (
            <span className="muted">{t('classSize.no')}</span>
          ),
      },
    ],
    [t, lang],
  );
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.code}
      maxHeight={maxHeight}
      className="class-size-table"
    />
  );
});
