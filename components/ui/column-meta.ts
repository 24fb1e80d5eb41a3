import type { RowData } from "@tanstack/react-table";

// What a column definition says besides its header and cell (issue 18 item 3: columns defined once), for S1's
// MailboxList and components/ui/data-table.tsx.
declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's width in the table's one <colgroup> (CSS length); none: it takes the rest. */
    width?: string;
    /**
     * What hides first when the table is narrow (H6 item 2): the smallest table width, in px, at which the column
     * is shown; none: always shown. S1's chooser hides any optional column for good.
     */
    minWidth?: number;
    /** Whether S1's phone card shows it (H6 item 3: name, address and state only). */
    card?: boolean;
    /** Whether the admin may hide it in S1's column chooser. */
    optional?: boolean;
    /** The class of the column's cells (components/ui/data-table.tsx). */
    className?: string;
  }
}
