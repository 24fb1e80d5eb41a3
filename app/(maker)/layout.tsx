import { MakerShell } from "@/components/layout/maker-shell";
import { getCurrentMember } from "@/lib/auth/guard";
import { attentionSummaryOf } from "@/lib/health/find-attention-summary";
import { findOrgHealthFacts } from "@/lib/health/find-org-health-facts";
import { config } from "@/lib/config";

// The shell only shows who is signed in; every page checks access itself (R18).
export default async function MakerLayout({ children }: { children: React.ReactNode }) {
  const member = await getCurrentMember();
  const platform = config().PLATFORM_NAME;
  // R29: the banner while any mailbox needs attention (admins of licensed organisations: who can act on it). The
  // health rows are read once per request: S1 shows the same rows' badges.
  const attention =
    member?.role === "admin" && member.org.smartLicence
      ? attentionSummaryOf(await findOrgHealthFacts(member.org.id))
      : null;
  return (
    <MakerShell
      platform={platform}
      member={
        member && {
          orgName: member.org.name,
          userName: member.user.name,
          admin: member.role === "admin",
          timeZone: member.org.timezone,
        }
      }
      attention={attention}
    >
      {children}
    </MakerShell>
  );
}
