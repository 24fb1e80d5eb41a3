import { notFound } from "next/navigation";

/** Unknown addresses under /maker render maker/not-found.tsx inside the Maker shell, not the bare 404. */
export default function MissingMakerPage() {
  notFound();
}
