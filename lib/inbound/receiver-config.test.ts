import { describe, expect, it } from "vitest";
import { receiverConfigFromEnv } from "./receiver-config";

describe("the receiver's settings from the environment (lib/config.ts)", () => {
  it("has bounded defaults: 100 connections, 10 per client, 2 minutes to finish a message, 10 a transaction", () => {
    expect(receiverConfigFromEnv({})).toMatchObject({
      port: 2525,
      maxConnections: 100,
      maxConnectionsPerClient: 10,
      sessionIdleMs: 120_000,
      maxTransactionMs: 600_000,
      postmaster: { forwardTo: null },
    });
  });
  it("reads SMTP_MAX_CONNECTIONS, the fair-share limits, SMTP_TRANSACTION_TIMEOUT and POSTMASTER_FORWARD_TO", () => {
    const env = {
      SMTP_MAX_CONNECTIONS: "25",
      SMTP_MAX_CONNECTIONS_PER_CLIENT: "5",
      SMTP_SESSION_IDLE_LIMIT: "90s",
      SMTP_TRANSACTION_TIMEOUT: "120",
      POSTMASTER_FORWARD_TO: " ops@operator.example ",
    };
    expect(receiverConfigFromEnv(env)).toMatchObject({
      maxConnections: 25,
      maxConnectionsPerClient: 5,
      sessionIdleMs: 90_000,
      maxTransactionMs: 120_000,
      postmaster: { forwardTo: "ops@operator.example" },
    });
  });
  it("is off with SMTP_PORT=0 or SMTP_DISABLED=1", () => {
    expect(receiverConfigFromEnv({ SMTP_PORT: "0" })).toBeNull();
    expect(receiverConfigFromEnv({ SMTP_DISABLED: "1" })).toBeNull();
  });
  it("refuses settings that would remove the bounds, naming the variable", () => {
    expect(() => receiverConfigFromEnv({ SMTP_MAX_CONNECTIONS: "0" })).toThrow(/SMTP_MAX_CONNECTIONS/);
    expect(() => receiverConfigFromEnv({ SMTP_MAX_CONNECTIONS_PER_CLIENT: "0" })).toThrow(
      /SMTP_MAX_CONNECTIONS_PER_CLIENT/,
    );
    expect(() => receiverConfigFromEnv({ SMTP_TRANSACTION_TIMEOUT: "never" })).toThrow(/SMTP_TRANSACTION_TIMEOUT/);
    expect(() => receiverConfigFromEnv({ SMTP_PORT: "99999" })).toThrow(/SMTP_PORT/);
  });
});
