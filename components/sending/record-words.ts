import type { RecordPurpose } from "@/lib/sending/types";

/** What each record is for, as its row's heading and in the Check DNS summary. */
export const RECORD_PURPOSE_LABELS: Record<RecordPurpose, string> = {
  dkim: "DKIM signing key",
  dkim_next: "New DKIM signing key",
  dkim_previous: "Previous DKIM signing key",
  dmarc: "DMARC policy",
};

export const RECORD_PURPOSE_NOTE: Record<RecordPurpose, string> = {
  dkim: "Required",
  dkim_next: "Required for the new key",
  dkim_previous: "Old key",
  dmarc: "Recommended",
};
