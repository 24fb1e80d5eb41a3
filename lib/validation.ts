import { z } from "zod";

// Building blocks shared by every form's schema, in the browser and on the server.
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A required one-line text: trimmed, 1..max characters, no control characters (no header injection). */
export function singleLineText(label: string, max = 255) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((v) => !CONTROL_CHARS.test(v), `${label} cannot contain line breaks or control characters.`);
}

export const idSchema = z.uuid({ error: "Unknown identifier." });
