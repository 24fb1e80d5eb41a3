"use client";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row } from "@tanstack/react-table";
import { Fragment, type ReactNode } from "react";

/**
 * A list drawn by a headless @tanstack/react-table from columns defined once (issue 18 item 3): their header, cell
 * and, in `meta`, width (one <colgroup>) and cell class. The queue screens use it; S1 uses the same library in its
 * own leaner component (MailboxList: 50 rows within 70 kB). `rowClassName` marks a row, `cellClassName` every cell
 * of a row (e.g. a row with an error below it), `after` draws a row's follow-up row (its error).
 */
export function DataTable<T>(props: {
  data: T[];
  columns: ColumnDef<T>[];
  getRowId: (row: T) => string;
  label: string;
  className?: string;
  rowClassName?: (row: T) => string | undefined;
  cellClassName?: (row: T) => string | undefined;
  rowProps?: Record<string, string>;
  after?: (row: Row<T>) => ReactNode;
}) {
  // The table's functions are not memoisable (the React Compiler skips this component): they are used here only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: props.data,
    columns: props.columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: props.getRowId,
  });
  const leaves = table.getVisibleLeafColumns();
  return (
    <table className={props.className} aria-label={props.label}>
      {leaves.some((c) => c.columnDef.meta?.width) && (
        <colgroup>
          {leaves.map((c) => (
            <col key={c.id} style={c.columnDef.meta?.width ? { width: c.columnDef.meta.width } : undefined} />
          ))}
        </colgroup>
      )}
      <thead>
        {table.getHeaderGroups().map((g) => (
          <tr key={g.id}>
            {g.headers.map((h) => (
              <th key={h.id} scope="col">
                {flexRender(h.column.columnDef.header, h.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => {
          const cell = props.cellClassName?.(row.original);
          return (
            <Fragment key={row.id}>
              <tr className={props.rowClassName?.(row.original)} {...props.rowProps}>
                {row.getVisibleCells().map((c) => {
                  const cls = [c.column.columnDef.meta?.className, cell].filter(Boolean).join(" ");
                  return (
                    <td key={c.id} className={cls || undefined}>
                      {flexRender(c.column.columnDef.cell, c.getContext())}
                    </td>
                  );
                })}
              </tr>
              {props.after?.(row)}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
