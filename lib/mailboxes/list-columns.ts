import { z } from "zod";

/** S1's columns an admin may hide with the column chooser (H6 item 2); the database checks the same list. */
export const OPTIONAL_LIST_COLUMNS = ["queues", "smartRouting", "lastReceived"] as const;
export type OptionalListColumn = (typeof OPTIONAL_LIST_COLUMNS)[number];

export const listColumnsSchema = z.object({
  hidden: z.array(z.enum(OPTIONAL_LIST_COLUMNS)).max(OPTIONAL_LIST_COLUMNS.length),
});
