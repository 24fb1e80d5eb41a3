import type { Hash } from "node:crypto";
import type { Readable } from "node:stream";
import { createContentHash } from "./message-facts";

// Reads a message as it streams in (issue 13): the header block is collected up to a limit, then `decide` says
// how much of the body to keep (a prefix to search, or up to a cap for the full parse) and whether to hash the
// whole message; every other byte is counted and dropped. Memory per message: the header block plus that cap.

export type BodyPlan = { keepBodyBytes: number; hash: boolean };

export type ReadMessage =
  | {
      ok: true;
      header: Buffer;
      body: Buffer;
      bodyTruncated: boolean;
      sizeBytes: number;
      contentHash: string | null;
      plan: BodyPlan;
    }
  | { ok: false; reason: "header-too-long"; sizeBytes: number }
  | { ok: false; reason: "stream-error"; error: Error };

/** Finds the end of the header block (the first empty line); returns the index just past it, or -1. */
function headerEnd(buf: Buffer, from: number): number {
  if (from === 0 && (buf[0] === 0x0a || (buf[0] === 0x0d && buf[1] === 0x0a))) return buf[0] === 0x0a ? 1 : 2;
  for (let i = buf.indexOf(0x0a, from); i !== -1; i = buf.indexOf(0x0a, i + 1)) {
    if (buf[i + 1] === 0x0a) return i + 2;
    if (buf[i + 1] === 0x0d && buf[i + 2] === 0x0a) return i + 3;
    if (i + 2 >= buf.length) return -1;
  }
  return -1;
}

export function readMessageWithHeader(
  stream: Readable,
  options: { maxHeaderBytes: number; decide: (header: Buffer) => Promise<BodyPlan> },
): Promise<ReadMessage> {
  return new Promise((resolve) => {
    let state: "head" | "deciding" | "body" | "too-long" = "head";
    let head = Buffer.alloc(0);
    let header = Buffer.alloc(0);
    let size = 0;
    let hash: Hash | null = null;
    let plan: BodyPlan = { keepBodyBytes: 0, hash: false };
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let truncated = false;
    let ended = false;
    let done = false;
    const pending: Buffer[] = []; // arrived while deciding (the stream is paused, a chunk may still be in flight)

    const takeBody = (chunk: Buffer) => {
      if (hash) hash.update(chunk);
      const room = plan.keepBodyBytes - keptBytes;
      if (room > 0) {
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        kept.push(Buffer.from(part)); // a copy: the stream may reuse its chunk
        keptBytes += part.length;
      }
      if (chunk.length > Math.max(room, 0)) truncated = true;
    };
    const finish = () => {
      if (done) return;
      done = true;
      if (state === "too-long") return resolve({ ok: false, reason: "header-too-long", sizeBytes: size });
      resolve({
        ok: true,
        header,
        body: Buffer.concat(kept),
        bodyTruncated: truncated,
        sizeBytes: size,
        contentHash: hash ? hash.digest("hex") : null,
        plan,
      });
    };
    const startBody = (rest: Buffer | null) => {
      state = "deciding";
      stream.pause();
      options.decide(header).then(
        (p) => {
          plan = p;
          if (plan.hash) hash = createContentHash().update(header);
          state = "body";
          if (rest && rest.length) takeBody(rest);
          for (const c of pending.splice(0)) takeBody(c);
          if (ended) finish();
          else stream.resume();
        },
        (e: Error) => {
          done = true;
          resolve({ ok: false, reason: "stream-error", error: e });
          stream.resume(); // drain: the reply waits for the end of DATA
        },
      );
    };

    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (state === "body") return takeBody(chunk);
      if (state === "too-long") return;
      if (state === "deciding") return void pending.push(Buffer.from(chunk));
      const searchFrom = Math.max(0, head.length - 3);
      head = head.length ? Buffer.concat([head, chunk]) : Buffer.from(chunk);
      const end = headerEnd(head, searchFrom);
      if (end === -1) {
        if (head.length > options.maxHeaderBytes) {
          state = "too-long";
          head = Buffer.alloc(0);
        }
        return;
      }
      if (end > options.maxHeaderBytes) {
        state = "too-long";
        head = Buffer.alloc(0);
        return;
      }
      header = head.subarray(0, end);
      const rest = head.subarray(end);
      head = Buffer.alloc(0);
      startBody(rest);
    });
    stream.on("error", (error: Error) => {
      if (done) return;
      done = true;
      resolve({ ok: false, reason: "stream-error", error });
    });
    stream.on("end", () => {
      ended = true;
      if (state === "head") {
        // No empty line: the whole message is its header block.
        header = head;
        head = Buffer.alloc(0);
        startBody(null);
        return;
      }
      if (state === "deciding") return; // finished by startBody
      finish();
    });
  });
}
