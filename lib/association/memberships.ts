// The yearly membership (adhésion), by season (1 September–31 August, as quotas and statistics count,
// docs/decisions/009-back-office.md). Each season the association invites every structure in partnership
// once, reminds those who have not answered, records the memberships it receives; a structure answers
// "we join" or "not this season" from its home. Never a condition to book (the convention is).
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { actsForPartner, ensure, isAdmin } from "@/lib/auth/permissions";
import { toCsv } from "@/lib/csv";
import { getPrisma } from "@/lib/db/client";
import { preparedRows } from "@/lib/db/prepared";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MembershipStatus, Sector } from "@/lib/generated/prisma/enums";
import { queueMail } from "@/lib/mail";
import { inParis, parisDaysBefore, seasonOf } from "@/lib/time";
import { calendarDay, isUuid, optionalLine, requireId, urlFilter, parse } from "@/lib/validation";
import { fromUrl, LIST_WORDS, pageOffset, sortOf, urlDirection, urlPage, urlSort, type Direction, type SearchParams } from "@/lib/lists";

const ensureAdmin = (actor: Actor) => ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
const season = () => z.coerce.number("validation.invalid").int("validation.integer").min(2000, "validation.invalid").max(2100, "validation.invalid");

/** A season from the URL (?saison=2026): none when it does not read, and the page takes the current one. */
export const seasonFromUrl = urlFilter(z.coerce.number().int().min(2000).max(2100));

/**
 * The campaign's one statement (issue 35.2): every view of the memberships page asks it; Prisma's groupBy
 * beside it was a second round trip and 5 ms of the server's time. The season's memberships and the
 * structures under convention are read from their indexes alone (Membership_campaign_idx,
 * Convention_valid_partner_idx: decision 032), never from the tables: at national scale (4,100 structures)
 * the tables' reads were most of its 6 ms of the database's time, on every view.
 */
export function membershipCampaignSql(seasonStart: number, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH c AS (SELECT DISTINCT partner_id FROM partners_under_convention(${now})),
         s AS (SELECT "status"::text AS "status", count(*)::int AS n, sum("amountCents") AS cents FROM "Membership" WHERE "season" = ${seasonStart} GROUP BY "status")
    SELECT (SELECT count(*)::int FROM c) AS n,
           -- One join of the season's memberships, not a lookup per structure (4,100 at national scale).
           (SELECT count(*)::int FROM c LEFT JOIN "Membership" m ON m."partnerId" = c.partner_id AND m."season" = ${seasonStart} WHERE m."partnerId" IS NULL) AS "notInvited",
           (SELECT json_object_agg(s."status", s.n) FROM s) AS "counts",
           coalesce((SELECT s.cents FROM s WHERE s."status" = 'MEMBER'), 0)::int AS "collectedCents"`;
}

/**
 * How the season stands: structures in partnership, invited, joining, declined, members; how many in
 * partnership have not been invited yet (what "invite every structure" would reach) and what the members paid.
 */
export async function membershipCampaign(actor: Actor, seasonStart: number, { now = new Date() } = {}) {
  ensureAdmin(actor);
  // Prepared once per connection (lib/db/prepared.ts): its planning was as long as its run.
  const [row] = await preparedRows<{ n: number; notInvited: number; counts: Partial<Record<MembershipStatus, number>> | null; collectedCents: number }>(
    membershipCampaignSql(seasonStart, now),
  );
  return { season: seasonStart, inPartnership: row!.n, notInvited: row!.notInvited, counts: row!.counts ?? {}, collectedCents: row!.collectedCents };
}

/** June, zero-based: the month the next season's campaign opens (decision 018). */
const NEXT_SEASON_CAMPAIGN_MONTH = 5;

/**
 * Whether the association may invite and remind for a season (issue 29.10, decision 018): the season under
 * way, or the next one from 1 June (Paris), when structures set their next year's budget; before June an
 * invitation for a season nine months away read as one for the current season. A past season is closed.
 */
export function campaignWindow(seasonStart: number, now: Date): "OPEN" | "NEXT" | "PAST" | "TOO_EARLY" {
  const current = seasonOf(now);
  if (seasonStart < current) return "PAST";
  if (seasonStart === current) return "OPEN";
  // The season under way ends in August: its months from June are the next one's campaign.
  const month = inParis(now).getMonth();
  return seasonStart === current + 1 && month >= NEXT_SEASON_CAMPAIGN_MONTH && month < 8 ? "NEXT" : "TOO_EARLY";
}

function ensureCampaignOpen(seasonStart: number, now: Date): void {
  const window = campaignWindow(seasonStart, now);
  if (window === "PAST" || window === "TOO_EARLY") {
    throw new RuleViolation(
      `MEMBERSHIP_CAMPAIGN_${window}`,
      window === "PAST" ? "Cette saison est terminée." : "Les invitations pour cette saison ne sont pas encore ouvertes.",
    );
  }
}

/**
 * Invites every structure in partnership not yet invited this season: a membership row per structure
 * and a mail to each of its active referents, a hundred structures per transaction. Safe to run again
 * after a failure: a structure invited is never invited twice (its row), a mail never written twice
 * (its sourceKey).
 */
export async function inviteAllToJoin(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ invited: number }> {
  ensureAdmin(actor);
  const { season: seasonStart } = parse(z.object({ season: season() }), input);
  ensureCampaignOpen(seasonStart, now);
  const prisma = getPrisma();
  let invited = 0;
  for (;;) {
    const batch = await prisma.$queryRaw<{ id: string }[]>`
      SELECT p."id"::text AS "id" FROM "Partner" p
      WHERE p."id" IN (SELECT partner_id FROM partners_under_convention(${now}))
        AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."partnerId" = p."id" AND m."season" = ${seasonStart})
      ORDER BY p."id" LIMIT 100`;
    if (!batch.length) return { invited };
    await prisma.$transaction(async (tx) => {
      const ids = batch.map((row) => row.id);
      await tx.membership.createMany({
        data: ids.map((partnerId) => ({ partnerId, season: seasonStart, status: "INVITED" as const, invitedAt: now })),
        skipDuplicates: true,
      });
      const referents = await tx.user.findMany({ where: { partnerId: { in: ids }, active: true, role: "PARTNER" }, select: { id: true, partnerId: true } });
      await queueMail(
        prismaSql(tx),
        referents.map((user) => ({
          kind: "MEMBERSHIP_INVITATION" as const,
          userId: user.id,
          props: { partnerId: user.partnerId, season: seasonStart },
          sourceKey: `membership-invitation:${seasonStart}:${user.partnerId}:${user.id}`,
        })),
      );
      await audit(
        tx,
        actor,
        { action: "membership.invited", entityType: "Partner", entityId: "*", after: { season: seasonStart, structures: ids.length } },
        now,
      );
    });
    invited += batch.length;
  }
}

/** A reminder to those invited this season who have not answered after `afterDays` days (or since the last reminder). */
export async function remindToJoin(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ reminded: number }> {
  ensureAdmin(actor);
  const { season: seasonStart, afterDays } = parse(
    z.object({
      season: season(),
      afterDays: z.coerce.number("validation.invalid").int("validation.integer").min(1, "validation.atLeastOne").max(365, "validation.tooLarge"),
    }),
    input,
  );
  ensureCampaignOpen(seasonStart, now);
  const before = parisDaysBefore(now, afterDays);
  return getPrisma().$transaction(async (tx) => {
    const due = await tx.membership.findMany({
      where: { season: seasonStart, status: "INVITED", invitedAt: { lt: before }, OR: [{ remindedAt: null }, { remindedAt: { lt: before } }] },
      select: { id: true, partnerId: true },
    });
    if (!due.length) return { reminded: 0 };
    await tx.membership.updateMany({ where: { id: { in: due.map((m) => m.id) } }, data: { remindedAt: now } });
    const referents = await tx.user.findMany({
      where: { partnerId: { in: due.map((m) => m.partnerId) }, active: true, role: "PARTNER" },
      select: { id: true, partnerId: true },
    });
    await queueMail(
      prismaSql(tx),
      referents.map((user) => ({
        kind: "MEMBERSHIP_REMINDER" as const,
        userId: user.id,
        props: { partnerId: user.partnerId, season: seasonStart },
        sourceKey: `membership-reminder:${seasonStart}:${user.partnerId}:${user.id}:${now.toISOString().slice(0, 10)}`,
      })),
    );
    await audit(
      tx,
      actor,
      { action: "membership.reminded", entityType: "Partner", entityId: "*", after: { season: seasonStart, structures: due.length } },
      now,
    );
    return { reminded: due.length };
  });
}

export const membershipRecordSchema = z.object({
  partnerId: z.uuid("validation.required"),
  season: season(),
  joinedOn: calendarDay(),
  amount: z.preprocess(
    (v) => (v === "" || v == null ? null : String(v).replace(",", ".")),
    z.coerce.number("validation.invalid").min(0, "validation.notNegative").max(100_000, "validation.tooLarge").nullable(),
  ),
  paymentMeans: optionalLine(40),
  receiptNumber: optionalLine(40),
});

/** The association records a membership it received (a cheque, a transfer…). */
export async function recordMembership(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  ensureAdmin(actor);
  const data = parse(membershipRecordSchema, input);
  await getPrisma().$transaction(async (tx) => {
    if (!(await tx.partner.findUnique({ where: { id: data.partnerId }, select: { id: true } }))) throw new NotFoundError("structure");
    const fields = {
      status: "MEMBER" as const,
      joinedOn: new Date(`${data.joinedOn}T00:00:00Z`),
      amountCents: data.amount === null ? null : Math.round(data.amount * 100),
      paymentMeans: data.paymentMeans ?? null,
      receiptNumber: data.receiptNumber ?? null,
      answeredAt: now,
    };
    await tx.membership.upsert({
      where: { partnerId_season: { partnerId: data.partnerId, season: data.season } },
      create: { partnerId: data.partnerId, season: data.season, ...fields },
      update: fields,
    });
    await audit(
      tx,
      actor,
      { action: "membership.recorded", entityType: "Partner", entityId: data.partnerId, after: { season: data.season, amountCents: fields.amountCents } },
      now,
    );
  });
}

/** The structure's own state for the current season, on its home. */
export async function getMembershipState(actor: Actor, partnerId: string, { now = new Date() } = {}) {
  ensure(actsForPartner(actor, partnerId), "Vous ne voyez que l'adhésion de votre structure.");
  requireId(partnerId, "structure");
  const current = seasonOf(now);
  const membership = await getPrisma().membership.findUnique({
    where: { partnerId_season: { partnerId, season: current } },
    select: { status: true, joinedOn: true },
  });
  return { season: current, status: membership?.status ?? null, joinedOn: membership?.joinedOn ?? null };
}

/** "We join" or "not this season", from the structure's home; a recorded membership stays recorded. */
export async function answerMembership(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const { partnerId, answer } = parse(z.object({ partnerId: z.uuid(), answer: z.enum(["JOIN", "DECLINE"], "validation.required") }), input);
  ensure(actsForPartner(actor, partnerId), "Seule la structure répond pour elle-même.");
  const current = seasonOf(now);
  await getPrisma().$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({ where: { partnerId_season: { partnerId, season: current } }, select: { status: true } });
    if (existing?.status === "MEMBER") throw new RuleViolation("ALREADY_MEMBER", "Votre adhésion pour cette saison est déjà enregistrée : merci !");
    const status = answer === "JOIN" ? ("JOINING" as const) : ("DECLINED" as const);
    await tx.membership.upsert({
      where: { partnerId_season: { partnerId, season: current } },
      create: { partnerId, season: current, status, answeredAt: now },
      update: { status, answeredAt: now },
    });
    await audit(
      tx,
      actor,
      { action: `membership.${answer === "JOIN" ? "joining" : "declined"}`, entityType: "Partner", entityId: partnerId, after: { season: current } },
      now,
    );
  });
}

/** The columns the list of memberships sorts by (lib/lists.ts), each with its natural direction; by structure by default. */
export const MEMBERSHIP_SORTS = { partner: "asc", status: "asc", invited: "desc", answered: "desc", joined: "desc" } as const satisfies Record<
  string,
  Direction
>;
export type MembershipSort = keyof typeof MEMBERSHIP_SORTS;

const MEMBERSHIP_STATUSES = ["INVITED", "JOINING", "DECLINED", "MEMBER"] as const satisfies readonly MembershipStatus[];

/** The list's words in the URL (lib/lists.ts, issue 28.5): `?saison=2026&etat=adherente&structure=…&tri=reponse&page=2`. */
export const MEMBERSHIP_WORDS = {
  season: "saison",
  status: {
    word: "etat",
    values: { INVITED: "sans-reponse", JOINING: "va-adherer", DECLINED: "pas-cette-saison", MEMBER: "adherente" } satisfies Record<
      (typeof MEMBERSHIP_STATUSES)[number],
      string
    >,
  },
  /** The structure whose membership form is open. */
  partner: "structure",
  sort: {
    word: LIST_WORDS.sort,
    values: { partner: "structure", status: "etat", invited: "invitation", answered: "reponse", joined: "adhesion" } satisfies Record<MembershipSort, string>,
  },
  direction: LIST_WORDS.direction,
  page: LIST_WORDS.page,
} as const;

/** The list's filters, English fields: a season, state, structure or column that does not read is dropped. */
export const membershipFiltersSchema = z.object({
  season: seasonFromUrl,
  status: urlFilter(z.enum(MEMBERSHIP_STATUSES)),
  partner: urlFilter(z.string().refine(isUuid)),
  sort: urlSort(MEMBERSHIP_SORTS),
  direction: urlDirection(),
  page: urlPage(),
});
export type MembershipFilters = z.output<typeof membershipFiltersSchema>;

/** The filters of a URL of the memberships' page (its French words). */
export function readMembershipFilters(params: SearchParams): MembershipFilters {
  return membershipFiltersSchema.parse(fromUrl(MEMBERSHIP_WORDS, params));
}

/** The order of a column (from the whitelist, never a text of the URL); a date not given yet comes last either way, then the structure's name and the id. */
function membershipOrder(sort: MembershipSort | undefined, direction: Direction | undefined): Prisma.Sql {
  const { column, direction: dir } = sortOf(MEMBERSHIP_SORTS, "partner", sort, direction);
  const way = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  const first: Record<MembershipSort, Prisma.Sql | null> = {
    partner: null,
    status: Prisma.sql`m."status" ${way}`,
    invited: Prisma.sql`m."invitedAt" ${way} NULLS LAST`,
    answered: Prisma.sql`m."answeredAt" ${way} NULLS LAST`,
    joined: Prisma.sql`m."joinedOn" ${way} NULLS LAST`,
  };
  const name = Prisma.sql`p."name" ${column === "partner" ? way : Prisma.raw("ASC")}`;
  return Prisma.join([...(first[column] ? [first[column]] : []), name, Prisma.sql`m."id" ${way}`], ", ");
}

export interface MembershipRow {
  id: string;
  status: MembershipStatus;
  invitedAt: Date | null;
  remindedAt: Date | null;
  answeredAt: Date | null;
  joinedOn: Date | null;
  amountCents: number | null;
  paymentMeans: string | null;
  receiptNumber: string | null;
  partner: { id: string; name: string; sector: Sector; city: string | null };
}

/**
 * A season's memberships, for the general assembly; `status` narrows it (MEMBER: the members' list).
 * Whole unless `page` is given (the campaign's counts give the total of each state). By structure unless
 * `sort` names another column (MEMBERSHIP_SORTS). One statement with its structures (issue 35.2): Prisma
 * read the page, then its structures apart, a second round trip on every view of the memberships page.
 */
export async function listMemberships(
  actor: Actor,
  seasonStart: number,
  {
    status,
    page,
    pageSize = 50,
    sort,
    direction,
  }: { status?: MembershipStatus; page?: number; pageSize?: number; sort?: MembershipSort; direction?: Direction } = {},
): Promise<MembershipRow[]> {
  ensureAdmin(actor);
  // Prepared once per connection (lib/db/prepared.ts); the membership's day read as its text, since pg
  // reads a date at the server's local midnight where Prisma gives the day at midnight UTC.
  const rows = await preparedRows<
    Omit<MembershipRow, "partner" | "joinedOn"> & { joinedOn: string | null; partnerId: string; name: string; sector: Sector; city: string | null }
  >(Prisma.sql`
    SELECT m."id"::text AS "id", m."status"::text AS "status", m."invitedAt", m."remindedAt", m."answeredAt", m."joinedOn"::text AS "joinedOn",
           m."amountCents", m."paymentMeans", m."receiptNumber", p."id"::text AS "partnerId", p."name", p."sector"::text AS "sector", p."city"
    FROM "Membership" m JOIN "Partner" p ON p."id" = m."partnerId"
    WHERE m."season" = ${seasonStart} ${status ? Prisma.sql`AND m."status" = ${status}::"MembershipStatus"` : Prisma.empty}
    ORDER BY ${membershipOrder(sort, direction)}
    ${page === undefined ? Prisma.empty : Prisma.sql`LIMIT ${pageSize} OFFSET ${pageOffset(page, pageSize)}`}`);
  return rows.map(({ partnerId, name, sector, city, joinedOn, ...membership }) => ({
    ...membership,
    joinedOn: joinedOn === null ? null : new Date(`${joinedOn}T00:00:00Z`),
    partner: { id: partnerId, name, sector, city },
  }));
}

export async function membersCsv(actor: Actor, seasonStart: number, labels: (key: string) => string): Promise<string> {
  const members = await listMemberships(actor, seasonStart, { status: "MEMBER" });
  return toCsv(
    ["Structure", "Secteur", "Ville", "Saison", "Date d'adhésion", "Montant (€)", "Moyen de paiement", "Reçu"],
    members.map((m) => [
      m.partner.name,
      labels(`sector.${m.partner.sector}`),
      m.partner.city ?? "",
      `${seasonStart}-${seasonStart + 1}`,
      m.joinedOn ? m.joinedOn.toISOString().slice(0, 10) : "",
      m.amountCents === null ? "" : (m.amountCents / 100).toFixed(2).replace(".", ","),
      m.paymentMeans ?? "",
      m.receiptNumber ?? "",
    ]),
  );
}
