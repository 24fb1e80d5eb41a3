// mailauth 4.9.5 ships no types for its DKIM verifier; the part this app uses.
declare module "mailauth/lib/dkim/verify.js" {
  export type DkimResult = {
    signingDomain?: string;
    selector?: string;
    status: { result: "pass" | "fail" | "neutral" | "temperror" | "permerror" | "policy" | "none"; comment?: string; aligned?: string | false };
  };
  export function dkimVerify(
    input: Buffer | string,
    options?: { resolver?: (name: string, rrtype: string) => Promise<unknown>; curTime?: Date },
  ): Promise<{ headerFrom?: string[]; results: DkimResult[] }>;
}
