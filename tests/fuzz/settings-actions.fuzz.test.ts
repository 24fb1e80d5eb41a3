import * as settings from "@/lib/actions/settings";
import { fuzzActions, type Action } from "./run-hostile-input";

// Hostile input (issue 11) over the Settings actions.
fuzzActions("settings actions", [
  [
    "updateOrgDefaults",
    settings.updateOrgDefaultsAction as Action,
    () => ({ timezone: "Europe/Paris", language: "en" }),
  ],
  ["addEmailDomain", settings.addEmailDomainAction as Action, () => ({ domain: "fuzz.example.net" })],
  ["removeEmailDomain", settings.removeEmailDomainAction as Action, (o) => ({ id: o.domain })],
  [
    "addSmartRouting",
    settings.addSmartRoutingAction as Action,
    () => ({ name: "Fuzz routing", hasPublished: true, hasDraft: false }),
  ],
  [
    "updateSmartRouting",
    settings.updateSmartRoutingAction as Action,
    (o) => ({ id: o.routing, name: "Fuzz routing 2", hasPublished: true, hasDraft: true }),
  ],
  ["removeSmartRouting", settings.removeSmartRoutingAction as Action, (o) => ({ id: o.routing })],
]);
