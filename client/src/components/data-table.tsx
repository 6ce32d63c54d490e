import type { ReactNode } from 'react';
/** Same values as the `order` URL parameter. */
export type SortOrder = 'asc' | 'desc';

export interface Column<Row> {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  sortable?: boolean;
  /** Full text for a short header (shown on hover and read by screen readers). */
  title?: string;
  className?: string;
  /**
   * Kept in view while a wide table scrolls sideways: `start` for the school name (on one line), `end` for the
   * verdict, so at 1024 px the row still says which school and whether it passes.
   */
  pin?: 'start' | 'end';
}

function columnClasses(column: Pick<Column<unknown>, 'numeric' | 'className' | 'pin'>): string | undefined {
  return (
    [column.numeric ? 'num' : '', column.pin ? `pin-${column.pin}` : '', column.className ?? '']
      .filter(Boolean)
      .join(' ') || undefined
  );
}

export interface TableSort {
  column: string;
  order: SortOrder;
  onSort: (column: string) => void;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  /** Show the caption to everyone, not only to screen readers. */
  showCaption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sort?: TableSort;
  rowClassName?: (row: Row) => string | undefined;
  /** Scroll inside the table past this height, with the header kept in view. */
  maxHeight?: number | string;
  className?: string;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** An accessible table: caption, column headers with scope, sort buttons announcing their state. */
export function DataTable<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  sort,
  rowClassName,
  maxHeight,
  className,
}: DataTableProps<Row>) {
  return (
    <div
      className={maxHeight === undefined ? 'table-wrap' : 'table-wrap table-scroll'}
      style={maxHeight === undefined ? undefined : { maxHeight }}
    >
      <table className={className ? `table ${className}` : 'table'}>
        <caption className={showCaption ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort?.column === column.id ? sort.order : undefined;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={columnClasses({ numeric: column.numeric, pin: column.pin })}
                  title={column.title}
                  aria-sort={column.sortable && sort ? (sorted ? ARIA_SORT[sorted] : 'none') : undefined}
                >
                  {column.sortable && sort ? (
                    <>
                      <button type="button" className="sort-button" onClick={() => sort.onSort(column.id)}>
                        {column.header}
                        <span aria-hidden="true" className={sorted ? 'sort-mark active' : 'sort-mark'}>
                          {sorted === 'desc' ? '▼' : sorted === 'asc' ? '▲' : '↕'}
                        </span>
                      </button>
                      {/* On paper the header repeats on every page, and Chromium leaves a button's text out of the
                          repeats: the printed header is this plain text instead. */}
                      <span aria-hidden="true" className="print-only-inline">
                        {column.header}
                      </span>
                    </>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column, index) => {
                const classes = columnClasses(column);
                return index === 0 ? (
                  <th key={column.id} scope="row" className={classes}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.id} className={classes}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
