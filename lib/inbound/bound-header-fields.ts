/** The longest single header field read (issue 20 item 4); longer ones are left out before parsing. */
export const MAX_HEADER_FIELD_BYTES = 16 * 1024;

/**
 * Issue 20 item 4: one huge header field (a 146 kB `To:`) cost mailparser about 2 s of CPU. The facts the
 * receiver keeps never need such a field (From, Subject, Message-ID and the like are short), so a field longer
 * than MAX_HEADER_FIELD_BYTES is left out of the block before it is parsed, in linear time. A message without a
 * huge field is returned as it is (the same Buffer). `raw` may be a header block or a whole message.
 */
export function boundHeaderFields(raw: Buffer, max = MAX_HEADER_FIELD_BYTES): Buffer {
  if (raw.length <= max) return raw;
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  const end = crlf !== -1 && (lf === -1 || crlf < lf) ? crlf + 2 : lf !== -1 ? lf + 1 : raw.length;
  const head = raw.subarray(0, end);
  // Start of each field: offset 0 and every line start that is not a continuation (space or tab).
  const starts: number[] = [0];
  for (let i = head.indexOf(10); i !== -1 && i + 1 < head.length; i = head.indexOf(10, i + 1)) {
    const next = head[i + 1];
    if (next !== 32 && next !== 9) starts.push(i + 1);
  }
  starts.push(head.length);
  let long = false;
  for (let k = 0; k + 1 < starts.length && !long; k++) long = starts[k + 1] - starts[k] > max;
  if (!long) return raw;
  const kept: Buffer[] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    if (starts[k + 1] - starts[k] <= max) kept.push(head.subarray(starts[k], starts[k + 1]));
  }
  return Buffer.concat([...kept, raw.subarray(end)]);
}
