"use client";
import { useState, useTransition } from "react";
import type { Page } from "@/lib/paging";

/**
 * ONE "Show older" (issue 18 item 3): appends the next Page of a keyset-paged list below the first one. `load`
 * reads the page older than a cursor (a server action), `cursorOf` gives an item's cursor; "more" comes from the
 * pages' own `hasOlder`, starting from the first page's, never from a page being full.
 */
export function useShowOlder<T, C>(props: {
  first: { hasOlder: boolean; last: C };
  load: (before: C) => Promise<{ data?: Page<T>; serverError?: { message: string } } | undefined>;
  cursorOf: (item: T) => C;
  failed: string;
}) {
  const [items, setItems] = useState<T[]>([]);
  const [before, setBefore] = useState(props.first.last);
  const [more, setMore] = useState(props.first.hasOlder);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const showOlder = () =>
    startTransition(async () => {
      setError(null);
      const result = await props.load(before).catch(() => undefined);
      const page = result?.data;
      if (!page) return setError(result?.serverError?.message ?? props.failed);
      setItems((current) => [...current, ...page.items]);
      if (page.items.length > 0) setBefore(props.cursorOf(page.items[page.items.length - 1]));
      setMore(page.hasOlder);
    });
  return { items, more, pending, error, showOlder };
}
