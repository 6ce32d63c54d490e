import {
  CHANGE_LABELS,
  type ComparisonMeasure,
  type CountyComparisonRow,
  placeCounty,
  STATUS_LABELS,
} from '@junheng/shared';
import { usePrinting } from '../../../app/print-mode.ts';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { formatInteger } from '../../../lib/format.ts';
import { CountyTablePager, usePagedRows } from './county-table-pager.tsx';

/**
 * Counties a page of the table shows: a city's (up to 100 counties) on one page; a province's or the country's a
 * hundred at a time, so the view draws (and lays out) a page of rows, not thousands.
 */
export const COUNTY_TABLE_PAGE_SIZE = 100;

/**
 * One line per county: verdict, first year passed, last year's verdict and its place in the grid; the name opens it.
 * A page of `pageSize` counties at a time, with a pager; on paper every county.
 */
export function CountyComparisonTable({
  rows,
  measure,
  limit,
  caption,
  onOpen,
  pageSize = COUNTY_TABLE_PAGE_SIZE,
  total = rows.length,
  listKey = '',
}: {
  /** The counties there are, or the first of them while the rest are on their way (`total` says how many). */
  rows: readonly CountyComparisonRow[];
  total?: number;
  /** Names the list (year, stage, city): another list starts again at its first page; more rows of it do not. */
  listKey?: string;
  measure: ComparisonMeasure;
  limit: number;
  caption: string;
  onOpen: (row: CountyComparisonRow) => void;
  pageSize?: number;
}) {
  const t = useT();
  const [lang] = useLang();
  const printing = usePrinting();
  const paging = usePagedRows(rows, pageSize, total, listKey);
  const verdict = (passes: boolean | null) =>
    passes === null ? t('counties.tooFew') : passes ? t('compliance.passShort') : t('compliance.failShort');
  const verdictClass = (passes: boolean | null) =>
    passes === null ? 'verdict' : passes ? 'verdict verdict-pass' : 'verdict verdict-fail';
  const columns: Column<CountyComparisonRow>[] = [
    {
      id: 'county',
      header: t('counties.county'),
      pin: 'start',
      cell: (row) => (
        <button
          type="button"
          className="link-button"
          onClick={() => onOpen(row)}
          aria-label={t('counties.open', { name: row.districtName })}
        >
          {row.districtName}
        </button>
      ),
    },
    { id: 'code', header: t('counties.code'), cell: (row) => row.districtCode },
    { id: 'city', header: t('counties.city'), cell: (row) => row.cityName ?? row.cityCode },
    { id: 'schools', header: t('counties.schools'), numeric: true, cell: (row) => formatInteger(row.schoolsCounted) },
    {
      id: 'verdict',
      header: t('counties.verdict'),
      cell: (row) => <span className={verdictClass(row.passes)}>{verdict(row.passes)}</span>,
    },
    {
      id: 'firstPassed',
      header: t('counties.firstPassed'),
      numeric: true,
      cell: (row) => row.firstPassedYear ?? t('counties.notYetPassed'),
    },
    {
      id: 'lastYear',
      header: t('counties.lastYear'),
      cell: (row) => (row.previousYear === null ? '—' : verdict(row.previousPasses)),
    },
    {
      id: 'status',
      header: t('counties.status'),
      cell: (row) => {
        const status = placeCounty(row, measure, limit).status;
        return status === null ? '—' : pickLabel(STATUS_LABELS[status], lang);
      },
    },
    {
      id: 'change',
      header: t('counties.change'),
      cell: (row) => pickLabel(CHANGE_LABELS[placeCounty(row, measure, limit).change], lang),
    },
  ];
  return (
    <>
      <DataTable
        caption={caption}
        columns={columns}
        rows={printing ? rows : paging.shown}
        rowKey={(row) => row.districtCode}
      />
      <CountyTablePager paging={paging} label={caption} />
    </>
  );
}
