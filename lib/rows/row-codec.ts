// ONE row codec (issue 18 item 3) for the lists whose rows a client component receives: a client component's
// props are serialised into the page beside its HTML, so rows travel as short arrays of their values, in a fixed
// field order, and are unpacked into objects in the browser (issue 13, docs/decisions/0009). Used on both sides.

/** How a field travels: as it is, a boolean as 0 | 1, a Date as milliseconds, or a value that may be null as 0. */
export type FieldKind = "value" | "bool" | "date" | "optional";
type Packed<K extends FieldKind> = K extends "bool" ? 0 | 1 : K extends "date" ? number : unknown;

/** A packed row: the fields' values in the codec's order. */
export type PackedRow = readonly unknown[];

/**
 * A codec for rows of type T from its fields, in order: `pack` turns rows into arrays of values, `unpack` back into
 * the same objects (a round trip is the identity: tested for each codec). "optional" is for strings and objects
 * only (a missing one travels as 0, one byte).
 */
export function rowCodec<T extends object>(fields: readonly (readonly [keyof T & string, FieldKind])[]) {
  const encode = (kind: FieldKind, v: unknown): Packed<FieldKind> =>
    kind === "bool" ? (v ? 1 : 0) : kind === "date" ? (v as Date).getTime() : kind === "optional" ? (v ?? 0) : v;
  const decode = (kind: FieldKind, v: unknown): unknown =>
    kind === "bool"
      ? v === 1
      : kind === "date"
        ? new Date(v as number)
        : kind === "optional"
          ? v === 0
            ? null
            : v
          : v;
  return {
    pack: (rows: readonly T[]): PackedRow[] =>
      rows.map((r) => fields.map(([key, kind]) => encode(kind, (r as Record<string, unknown>)[key]))),
    unpack: (rows: readonly PackedRow[]): T[] =>
      rows.map((a) => Object.fromEntries(fields.map(([key, kind], i) => [key, decode(kind, a[i])])) as T),
  };
}
