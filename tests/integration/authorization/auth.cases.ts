// Accounts and visitor access in the authorization matrix.
import { setAccountActive } from "@/lib/auth/accounts";
import { listAccounts } from "@/lib/auth/account-list";
import { inviteUser, resendInvitation } from "@/lib/auth/invitations";
import { getReferentContact, getVisitorCode, renewVisitorCode } from "@/lib/auth/visitor";
import { getPrisma } from "@/lib/db/client";
import { listFailedJobs, listStuckJobs, retryJob } from "@/lib/jobs/failed";
import { platformState } from "@/lib/association/platform-state";
import { listOutbox, resendMail } from "@/lib/mail/outbox";
import { getMailPreferences, setMailPreferences } from "@/lib/mail/preferences";
import { retentionReport } from "@/lib/retention";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

let invited = 0;
const fresh = () => `invite-${Date.now()}-${invited++}@exemple.test`;

/** A job every attempt of which failed (graphile-worker's tables are outside the matrix's fingerprint). */
async function failedJob(): Promise<string> {
  const [job] = await getPrisma().$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text AS id FROM graphile_worker.add_job('stats-refresh', '{}'::json, run_at => now() + interval '1 day', max_attempts => 1, job_key => 'matrix:failed-job')`,
  );
  await getPrisma().$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET attempts = 1, last_error = 'Connexion refusée' WHERE id = $1::bigint`, job!.id);
  return job!.id;
}

export const authCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "list accounts (listAccounts)", call: (actor) => listAccounts(actor), allowed: ["admin", "partnerA", "partnerB", "venueX", "venueY"] },
  {
    name: "list accounts, searched and sorted (listAccounts)",
    call: (actor) => listAccounts(actor, { text: "a", sort: "structure", direction: "desc", page: 2, pageSize: 5 }),
    allowed: ["admin", "partnerA", "partnerB", "venueX", "venueY"],
  },
  {
    name: "invite into partner A (inviteUser)",
    call: (actor, w) => inviteUser(actor, { email: fresh(), name: "Inès", role: "PARTNER", partnerId: w.partnerA }),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "invite onto venue X (inviteUser)",
    call: (actor, w) => inviteUser(actor, { email: fresh(), name: "Léo", role: "VENUE", venueId: w.venueX }),
    allowed: ["admin", "venueX"],
  },
  { name: "invite an admin (inviteUser)", call: (actor) => inviteUser(actor, { email: fresh(), name: "Sam", role: "ADMIN" }), allowed: ["admin"] },
  {
    name: "deactivate a user of A (setAccountActive)",
    call: (actor, w) => setAccountActive(actor, { userId: w.colleagueA, active: false }),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "deactivate a manager of X (setAccountActive)",
    call: (actor, w) => setAccountActive(actor, { userId: w.colleagueX, active: false }),
    allowed: ["admin", "venueX"],
  },
  {
    name: "resend the invitation of a user of A (resendInvitation)",
    call: (actor, w) => resendInvitation(actor, { userId: w.colleagueA }),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "resend the invitation of a manager of X (resendInvitation)",
    call: (actor, w) => resendInvitation(actor, { userId: w.colleagueX }),
    allowed: ["admin", "venueX"],
  },
  { name: "A's visitor code (getVisitorCode)", call: (actor, w) => getVisitorCode(actor, w.partnerA), allowed: ["admin", "partnerA"] },
  { name: "renew A's visitor code (renewVisitorCode)", call: (actor, w) => renewVisitorCode(actor, { partnerId: w.partnerA }), allowed: ["admin", "partnerA"] },
  { name: "how to reach one's structure (getReferentContact)", call: (actor) => getReferentContact(actor), allowed: ["partnerA", "partnerB", "visitorA"] },
  { name: "the mail outbox (listOutbox)", call: (actor) => listOutbox(actor), allowed: ["admin"] },
  { name: "send a failed mail again (resendMail)", call: (actor, w) => resendMail(actor, { mailId: w.failedMailId }), allowed: ["admin"] },
  { name: "the jobs failed for good (listFailedJobs)", call: (actor) => listFailedJobs(actor), allowed: ["admin"] },
  { name: "the jobs held too long (listStuckJobs)", call: (actor) => listStuckJobs(actor), allowed: ["admin"] },
  { name: "the state of the platform (platformState)", call: (actor) => platformState(actor), allowed: ["admin"] },
  { name: "run a failed job again (retryJob)", call: async (actor) => retryJob(actor, { jobId: await failedJob() }), allowed: ["admin"] },
  {
    name: "one's own mail choices (getMailPreferences)",
    call: (actor) => getMailPreferences(actor),
    allowed: ["admin", "partnerA", "partnerB", "venueX", "venueY"],
  },
  {
    name: "choose one's own mails (setMailPreferences)",
    call: (actor) => setMailPreferences(actor, { OUTING_REMINDER: "DIGEST" }),
    allowed: ["admin", "partnerA", "partnerB", "venueX", "venueY"],
  },
  { name: "the retention policy and its last run (retentionReport)", call: (actor) => retentionReport(actor), allowed: ["admin"] },
];
