import { describe, expect, it } from "vitest";
import { receiverConfigFromEnv } from "./receiver-config";

describe("the receiver's settings from the environment", () => {
  it("has bounded defaults: 100 connections, 10 minutes a transaction, postmaster mail logged", () => {
    expect(receiverConfigFromEnv({})).toMatchObject({ port: 2525, maxConnections: 100, maxTransactionMs: 600_000, postmaster: { forwardTo: null } });
  });
  it("reads SMTP_MAX_CONNECTIONS, SMTP_TRANSACTION_TIMEOUT and POSTMASTER_FORWARD_TO", () => {
    expect(receiverConfigFromEnv({ SMTP_MAX_CONNECTIONS: "25", SMTP_TRANSACTION_TIMEOUT: "120", POSTMASTER_FORWARD_TO: " ops@operator.example " })).toMatchObject({
      maxConnections: 25,
      maxTransactionMs: 120_000,
      postmaster: { forwardTo: "ops@operator.example" },
    });
  });
  it("refuses settings that would remove the bounds", () => {
    expect(() => receiverConfigFromEnv({ SMTP_MAX_CONNECTIONS: "0" })).toThrow(/SMTP_MAX_CONNECTIONS/);
    expect(() => receiverConfigFromEnv({ SMTP_TRANSACTION_TIMEOUT: "never" })).toThrow(/SMTP_TRANSACTION_TIMEOUT/);
  });
});
