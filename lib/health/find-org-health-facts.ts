import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { findHealthFacts } from "./find-health-facts";

/**
 * The organisation's health facts (R29), read once per request: the Maker layout's banner and S1's badges use the
 * same rows instead of running the same query twice (issue 13). Outside a request (scripts, tests) it reads each time.
 */
export const findOrgHealthFacts = cache((orgId: string) => findHealthFacts(getDb(), { orgId }, new Date()));
