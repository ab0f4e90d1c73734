import type { ReactNode } from 'react';
import { FormError } from './FormError.js';
import { Loading } from './Loading.js';

type RowProps = { className?: string } & Record<`data-${string}`, string>;

interface DataTableProps<T> {
  /** null while loading. */
  rows: readonly T[] | null;
  /** Why the rows could not be loaded; shown instead of "loading". */
  error?: string | null;
  loadingLabel?: string;
  /** What an empty list says, in words about the list ("No breaches recorded."); null says nothing. */
  empty: ReactNode;
  emptyClassName?: string;
  /** Column headings, in order. */
  columns: readonly ReactNode[];
  caption?: ReactNode;
  className?: string;
  testId?: string;
  rowKey: (row: T) => string;
  /** A row's class and data-* attributes (a highlighted row, a hook for tests). */
  rowProps?: (row: T) => RowProps;
  /** The cells of one row. */
  cells: (row: T) => ReactNode;
}

/** A list as a table: loading, its problem, an empty state in words, or the rows under headings. */
export function DataTable<T>({ rows, error, loadingLabel, empty, emptyClassName = 'empty', columns, caption, className = 'table', testId, rowKey, rowProps, cells }: DataTableProps<T>) {
  return (
    <>
      <FormError message={error} />
      {!rows && !error && <Loading label={loadingLabel} />}
      {rows && rows.length === 0 && empty && <p className={emptyClassName}>{empty}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table className={className} data-testid={testId}>
            {caption && <caption className="visually-hidden">{caption}</caption>}
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th scope="col" key={i}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={rowKey(r)} {...rowProps?.(r)}>
                  {cells(r)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
