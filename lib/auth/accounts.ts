// Accounts: sign-in checks, invitations, forgotten passwords, deactivation. Accounts are created by
// invitation only: an admin for anyone, a partner's referent for their structure, a venue's manager
// for their venue. A deactivated account cannot sign in, and bumping its sessionVersion ends the
// sessions already open (lib/auth/current.ts compares it on every request).
import "server-only";
import { cleanLine, urlFilter, parse } from "@/lib/validation";
import { pageOffset, urlPage, sortOf, urlDirection, urlSort, type Direction } from "@/lib/lists";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { getPool, getPrisma } from "@/lib/db/client";
import { AccessDeniedError, NotFoundError, RuleViolation } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { prismaSql, type Tx } from "@/lib/db/sql";
import { queueMail } from "@/lib/mail";
import { appUrl } from "@/lib/http/app-url";
import { anonymousActor, type Actor } from "./actor";
import { ensure, isAdmin } from "./permissions";
import { hashPassword, verifyPassword } from "./password";
import { clearFailures, forgiveAttempt, takeAttempt } from "./throttle";
import { consumeToken, issueToken, revokeTokens } from "./tokens";
import { choosePasswordSchema, email, inviteSchema } from "./schemas";

export { choosePasswordSchema, inviteSchema };


export type SignInResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; reason: "INVALID" | "THROTTLED" };

// Verifying against a real hash even for an unknown address keeps the answer time the same, so timing
// does not tell whether an account exists either.
let decoyHash: Promise<string> | undefined;

export async function verifyCredentials(input: { email?: unknown; password?: unknown }, ip: string, now = new Date()): Promise<SignInResult> {
  const parsed = z.object({ email, password: z.string().min(1).max(200) }).safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID" };
  // Counted before the password is checked: a burst of guesses gets no more checks than the limit.
  const attempt = await takeAttempt([["email", parsed.data.email], ["ip", ip]], now);
  if (!attempt) return { ok: false, reason: "THROTTLED" };
  const user = await getPrisma().user.findUnique({ where: { email: parsed.data.email } });
  decoyHash ??= hashPassword("not a password of anyone");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), parsed.data.password);
  if (!user || !user.active || !user.passwordHash || !valid) return { ok: false, reason: "INVALID" };
  await forgiveAttempt(attempt);
  await clearFailures("email", parsed.data.email);
  await getPrisma().user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}

/**
 * Always the same answer, whether or not the address has an account. At most a few requests per address
 * and per client in a quarter of an hour, so that the form cannot be used to flood a mailbox.
 */
export async function requestPasswordReset(input: unknown, ip = "local", now = new Date()): Promise<void> {
  const { email: address } = parse(z.object({ email }), input);
  if (!(await takeAttempt([["reset-email", address], ["reset-ip", ip]], now))) {
    throw new RuleViolation("TOO_MANY_REQUESTS", "Trop de demandes pour cette adresse : réessayez dans un quart d'heure.");
  }
  const user = await getPrisma().user.findUnique({ where: { email: address }, select: { id: true, name: true, active: true } });
  if (!user || !user.active) return;
  await getPrisma().$transaction(async (tx) => {
    const token = await issueToken(user.id, "PASSWORD_RESET", now, tx);
    await queueMail(prismaSql(tx), { kind: "PASSWORD_RESET", userId: user.id, props: { name: user.name }, secrets: { link: appUrl(`/mot-de-passe/${token}`) } });
  });
}

/** Sets the password of an invitation or a reset link, once; ends the sessions opened before. */
export async function choosePassword(input: unknown, now = new Date()): Promise<{ email: string }> {
  const { token, password } = parse(choosePasswordSchema, input);
  const passwordHash = await hashPassword(password);
  return getPrisma().$transaction(async (tx) => {
    const used = await consumeToken(tx, token, now);
    if (!used) throw new RuleViolation("LINK_INVALID", "Ce lien n'est plus valable.");
    const user = await tx.user.update({ where: { id: used.userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { email: true } });
    await revokeTokens(tx, used.userId, "PASSWORD_RESET", now);
    // Whoever holds the link acts, signed out: the account is the entity.
    await audit(tx, anonymousActor, { action: used.kind === "INVITATION" ? "user.password_chosen" : "user.password_reset", entityType: "User", entityId: used.userId }, now);
    return user;
  });
}

/** Who may invite whom: admin anyone; a referent into their structure; a manager onto their venue. */
function mayInvite(actor: Actor, role: Role, partnerId?: string, venueId?: string): boolean {
  if (isAdmin(actor)) return true;
  if (actor.kind !== "user") return false;
  if (actor.role === "PARTNER") return role === "PARTNER" && partnerId === actor.partnerId;
  if (actor.role === "VENUE") return role === "VENUE" && venueId !== undefined && actor.venueIds.includes(venueId);
  return false;
}

export async function inviteUser(actor: Actor, input: unknown, now = new Date()): Promise<{ userId: string }> {
  return getPrisma().$transaction((tx) => inviteInTransaction(tx, actor, input, now));
}

/** The invitation, within a transaction of the caller (the association creating a structure's account). */
export async function inviteInTransaction(tx: Tx, actor: Actor, input: unknown, now = new Date()): Promise<{ userId: string }> {
  const data = parse(inviteSchema, input);
  // A referent or manager invites into their own structure when none is given.
  const partnerId = data.role === "PARTNER" ? (data.partnerId ?? (actor.kind === "user" && actor.role === "PARTNER" ? actor.partnerId : undefined)) : undefined;
  const venueId = data.role === "VENUE" ? (data.venueId ?? (actor.kind === "user" && actor.role === "VENUE" ? actor.venueIds[0] : undefined)) : undefined;
  ensure(mayInvite(actor, data.role, partnerId, venueId), "Vous ne pouvez inviter que dans votre structure.");
  if (data.role === "PARTNER" && !partnerId) throw new RuleViolation("STRUCTURE_REQUIRED", "Choisissez la structure.");
  if (data.role === "VENUE" && !venueId) throw new RuleViolation("STRUCTURE_REQUIRED", "Choisissez le lieu.");
  if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new RuleViolation("ACCOUNT_EXISTS", "Un compte existe déjà pour cette adresse.");
  }
  const inviter = await inviterName(tx, actor);
  const created = await tx.user.create({
    data: {
      email: data.email,
      name: data.name,
      role: data.role,
      partnerId: partnerId ?? null,
      ...(venueId ? { managedVenues: { create: { venueId } } } : {}),
    },
  });
  await audit(tx, actor, { action: "user.invited", entityType: "User", entityId: created.id, after: { role: data.role, partnerId: partnerId ?? null, venueId: venueId ?? null } }, now);
  const token = await issueToken(created.id, "INVITATION", now, tx);
  await queueMail(prismaSql(tx), { kind: "ACCOUNT_INVITATION", userId: created.id, props: { name: data.name, inviter }, secrets: { link: appUrl(`/mot-de-passe/${token}`) } });
  return { userId: created.id };
}

/** Who the invitation mail says invites: the person who asked, or the association for scheduled work. */
async function inviterName(tx: Tx, actor: Actor): Promise<string> {
  return actor.kind === "user" ? ((await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } }))?.name ?? "Culture pour tous") : "Culture pour tous";
}

/**
 * An account the actor may act on, as the list shows them (all for the association, their structure's
 * for a referent, their venue's managers for a manager); any other is "not found", never "refused", so
 * that an id names nobody.
 */
async function visibleAccount(tx: Tx, actor: Actor, userId: string) {
  if (actor.kind !== "user") throw new AccessDeniedError();
  const target = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, partnerId: true, managedVenues: { select: { venueId: true } } },
  });
  const visible =
    target &&
    (actor.role === "ADMIN" ||
      (actor.role === "PARTNER" && target.partnerId === actor.partnerId) ||
      (actor.role === "VENUE" && target.role === "VENUE" && target.managedVenues.some((m) => actor.venueIds.includes(m.venueId))));
  if (!visible) throw new NotFoundError("compte");
  return target;
}

/**
 * The invitation again, for an account that has not chosen its password yet (a mail lost, a link
 * expired): a new link, the earlier ones no longer valid, and a new mail, in one transaction with its
 * audit entry. Whoever may see the account may resend it.
 */
export async function resendInvitation(actor: Actor, input: unknown, now = new Date()): Promise<{ email: string }> {
  const { userId } = parse(z.object({ userId: z.uuid("validation.invalid") }), input);
  return getPrisma().$transaction(async (tx) => {
    const target = await visibleAccount(tx, actor, userId);
    if (!target.active) throw new RuleViolation("ACCOUNT_INACTIVE", "Ce compte est désactivé : réactivez-le d'abord.");
    if (target.passwordHash) throw new RuleViolation("ACCOUNT_NOT_PENDING", "Ce compte a déjà son mot de passe : la personne peut utiliser « Mot de passe oublié ».");
    await revokeTokens(tx, userId, "INVITATION", now);
    const token = await issueToken(userId, "INVITATION", now, tx);
    await queueMail(prismaSql(tx), { kind: "ACCOUNT_INVITATION", userId, props: { name: target.name, inviter: await inviterName(tx, actor) }, secrets: { link: appUrl(`/mot-de-passe/${token}`) } });
    await audit(tx, actor, { action: "user.invitation_resent", entityType: "User", entityId: userId }, now);
    return { email: target.email };
  });
}

export interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  pending: boolean;
  structure: string | null;
}

/**
 * The columns the accounts list sorts by (lib/lists.ts), each with its natural direction: by
 * role by default (the association's team, then the structures', then the venues'), then by name, as
 * before; the name and the address A→Z, the structure or venue A→Z (accounts of neither last either way),
 * the state active → invitation pending → deactivated.
 */
export const ACCOUNT_SORTS = { role: "asc", nom: "asc", email: "asc", structure: "asc", etat: "asc" } as const satisfies Record<string, Direction>;
export type AccountSort = keyof typeof ACCOUNT_SORTS;

/** The list's filters, as they travel in the URL: anything unreadable is dropped, never an error. */
export const accountFiltersSchema = z.object({
  // A part of the name or the address; a longer text is cut rather than dropped, as before.
  q: urlFilter(
    z
      .string()
      .transform((value) => cleanLine(value).slice(0, 100))
      .pipe(z.string().min(1)),
  ),
  tri: urlSort(ACCOUNT_SORTS),
  ordre: urlDirection(),
  page: urlPage(),
});
export type AccountFilters = z.output<typeof accountFiltersSchema>;

/**
 * The ORDER BY of the list, from the whitelist above (never a text of the URL): the column in the
 * direction asked, then the name, and the id last, so that no account shows on two pages or on none.
 */
function accountOrder(filters: AccountFilters): Prisma.Sql {
  const { column, direction } = sortOf(ACCOUNT_SORTS, "role", filters.tri, filters.ordre);
  const dir = Prisma.raw(direction === "asc" ? "ASC" : "DESC");
  const first: Record<AccountSort, Prisma.Sql> = {
    role: Prisma.sql`u."role" ${dir}, u."name" ${dir}`,
    nom: Prisma.sql`u."name" ${dir}`,
    email: Prisma.sql`u."email" ${dir}`,
    // As the list shows it: the structure of a referent, the first venue (A→Z) of a manager.
    structure: Prisma.sql`coalesce(p."name", (SELECT min(v."name") FROM "VenueManager" vm JOIN "Venue" v ON v."id" = vm."venueId" WHERE vm."userId" = u."id")) ${dir} NULLS LAST, u."name" ${dir}`,
    etat: Prisma.sql`(CASE WHEN NOT u."active" THEN 2 WHEN u."passwordHash" IS NULL THEN 1 ELSE 0 END) ${dir}, u."name" ${dir}`,
  };
  return Prisma.sql`${first[column]}, u."id" ${dir}`;
}

/**
 * The accounts the actor may see: all for admin, their structure's for a referent, their venue's for a
 * manager; searched by a part of the name or the address (`q`), sorted (`tri`, `ordre`), a page at a time.
 */
export async function listAccounts(
  actor: Actor,
  { pageSize = 50, ...query }: { page?: unknown; pageSize?: number; q?: unknown; tri?: unknown; ordre?: unknown } = {},
): Promise<{ accounts: AccountRow[]; total: number; page: number; pageCount: number }> {
  if (actor.kind !== "user") throw new AccessDeniedError();
  const filters = accountFiltersSchema.parse(query);
  const where: Prisma.Sql[] = [
    actor.role === "ADMIN"
      ? Prisma.sql`TRUE`
      : actor.role === "PARTNER"
        ? Prisma.sql`u."partnerId" = ${actor.partnerId}::uuid`
        : Prisma.sql`EXISTS (SELECT 1 FROM "VenueManager" vm WHERE vm."userId" = u."id" AND vm."venueId" = ANY(${[...actor.venueIds]}::uuid[]))`,
  ];
  // A national network has thousands of accounts: found by a part of the name or the address.
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(u."name" ILIKE ${pattern} OR u."email" ILIKE ${pattern})`);
  }
  const condition = Prisma.join(where, " AND ");
  const prisma = getPrisma();
  const [[counted], found] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "User" u WHERE ${condition}`,
    prisma.$queryRaw<{ id: string }[]>`
      SELECT u."id"::text AS "id" FROM "User" u LEFT JOIN "Partner" p ON p."id" = u."partnerId"
      WHERE ${condition} ORDER BY ${accountOrder(filters)} LIMIT ${pageSize} OFFSET ${pageOffset(filters.page, pageSize)}`,
  ]);
  const users = await prisma.user.findMany({
    where: { id: { in: found.map((row) => row.id) } },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      passwordHash: true,
      partner: { select: { name: true } },
      managedVenues: { orderBy: { venue: { name: "asc" } }, select: { venue: { select: { name: true } } } },
    },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  const total = counted?.total ?? 0;
  return {
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    accounts: found.flatMap(({ id }) => {
      const user = byId.get(id);
      return user
        ? [
            {
              id: user.id,
              name: user.name,
              email: user.email,
              role: user.role,
              active: user.active,
              pending: !user.passwordHash,
              structure: user.partner?.name ?? (user.managedVenues.map((m) => m.venue.name).join(", ") || null),
            },
          ]
        : [];
    }),
  };
}

export async function setAccountActive(actor: Actor, input: unknown): Promise<void> {
  const { userId, active } = parse(z.object({ userId: z.uuid("validation.invalid"), active: z.coerce.boolean() }), input);
  await getPrisma().$transaction(async (tx) => {
    const target = await visibleAccount(tx, actor, userId);
    if (actor.kind === "user" && target.id === actor.userId) throw new RuleViolation("CANNOT_DEACTIVATE_SELF", "Vous ne pouvez pas désactiver votre propre compte.");
    await tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } } });
    // A link sent before (an invitation, a forgotten password) must not reopen the account.
    if (!active) await revokeTokens(tx, userId);
    await audit(tx, actor, { action: active ? "user.reactivated" : "user.deactivated", entityType: "User", entityId: userId });
  });
}

/**
 * The actor of a signed-in session, rebuilt from the database on every request. Every page and every
 * action asks first, so it is one prepared statement on the pool rather than Prisma's two queries (the
 * user, then their venues) through its query engine, which took 6 % of the servers' CPU in a burst of
 * bookings (npm run bench:burst).
 */
export async function userActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  if (!z.guid().safeParse(userId).success) return null; // a token never carries another, but the cast would fail
  const {
    rows: [user],
  } = await getPool().query<{ id: string; role: Role; partnerId: string | null; active: boolean; sessionVersion: number; venueIds: string[] }>({
    name: "user-actor",
    text: `SELECT u."id"::text AS "id", u."role"::text AS "role", u."partnerId"::text AS "partnerId", u."active", u."sessionVersion",
                  ARRAY(SELECT m."venueId"::text FROM "VenueManager" m WHERE m."userId" = u."id" ORDER BY m."venueId") AS "venueIds"
           FROM "User" u WHERE u."id" = $1::uuid`,
    values: [userId],
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  if (user.role === "ADMIN") return { kind: "user", role: "ADMIN", userId: user.id };
  if (user.role === "PARTNER") return { kind: "user", role: "PARTNER", userId: user.id, partnerId: user.partnerId! };
  return { kind: "user", role: "VENUE", userId: user.id, venueIds: user.venueIds };
}

