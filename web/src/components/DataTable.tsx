import type { Key, ReactNode } from 'react';
import { TableWrap } from './TableWrap.tsx';

/** One column of a {@link DataTable}: its header and how a row fills its cell. */
export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** class of each body cell (e.g. "nowrap") */
  className?: string;
  /** a tooltip of each body cell (e.g. the whole text of a shortened one) */
  title?: (row: Row) => string | undefined;
  /** the cell names its row: a <th scope="row"> instead of a <td> */
  rowHeader?: boolean;
}

interface DataTableProps<Row> {
  /**
   * Names the scrolling box and, as its caption, the table. `captionHidden` keeps the caption for screen
   * readers only; `noCaption` leaves it out (the box keeps the name).
   */
  caption: string;
  captionHidden?: boolean;
  noCaption?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  rowClassName?: (row: Row) => string | undefined;
  /** shown instead of the table when there are no rows; without it an empty table is shown */
  empty?: ReactNode;
}

/** A table of rows in the kit's scrolling box: a caption, a header row and one row per item. */
export function DataTable<Row>({ caption, captionHidden, noCaption, columns, rows, rowKey, rowClassName, empty }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <TableWrap label={caption}>
      <table>
        {noCaption ? null : <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={rowClassName?.(row)}>
              {columns.map(({ key, cell, className, title, rowHeader }) =>
                rowHeader ? (
                  <th key={key} scope="row" className={className} title={title?.(row)}>{cell(row)}</th>
                ) : (
                  <td key={key} className={className} title={title?.(row)}>{cell(row)}</td>
                ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
