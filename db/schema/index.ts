export * from "./auth";
export * from "./organizations";
export * from "./mailboxes";
export * from "./queues";
export * from "./inbound";
export * from "./audit";
export * from "./sign-in-limit";
export * from "./health";
