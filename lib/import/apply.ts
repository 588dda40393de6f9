// Issue 31.1: the accepted rows of a dry run written in one transaction (a few statements for the whole
// file, not one per row: 5,000 rows import in seconds). New accounts are invited, through the mail queue,
// only when the association asks; otherwise they are created without a password, and "Renvoyer
// l'invitation" reaches them later.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { inviteInTransaction } from "@/lib/auth/invitations";
import type { Tx } from "@/lib/db/sql";
import type { StructureWork } from "./check-structures";
import type { PersonWork } from "./check-people";
import type { VenueWork } from "./check-venues";
import type { Contact } from "./plan";
import { normalise } from "./words";

interface NewAccount extends Contact {
  partnerId?: string;
  venueId?: string;
}

const accepted = <T extends { plan: { action: string } }>(works: T[]) => works.filter((work) => work.plan.action === "create" || work.plan.action === "update");

export async function applyStructures(tx: Tx, actor: Actor, works: StructureWork[], invite: boolean, now: Date): Promise<number> {
  const todo = accepted(works);
  const byUserId = actor.kind === "user" ? actor.userId : null;
  await tx.partner.createMany({ data: todo.filter((w) => w.isNew).map((w) => ({ id: w.partnerId, ...(w.fields as Required<StructureWork["fields"]>) })) });
  for (const work of todo) if (!work.isNew && Object.keys(work.fields).length) await tx.partner.update({ where: { id: work.partnerId }, data: work.fields });
  const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
  await tx.convention.createMany({
    data: todo.flatMap((w) =>
      w.convention
        ? [
            {
              partnerId: w.partnerId,
              signedOn: asDate(w.convention.from),
              validFrom: asDate(w.convention.from),
              validUntil: asDate(w.convention.until),
              createdById: byUserId,
            },
          ]
        : [],
    ),
  });
  await tx.onboardingStep.createMany({
    data: todo.flatMap((w) =>
      w.stage
        ? [
            {
              partnerId: w.partnerId,
              kind: w.stage,
              at: now,
              byUserId,
              note: "Import",
              ...(w.stage === "MEETING_HELD" ? { data: { decision: "CONFIRMED" } } : {}),
            },
          ]
        : [],
    ),
  });
  return createAccounts(
    tx,
    actor,
    todo.flatMap((w) => w.contacts.map((contact) => ({ ...contact, partnerId: w.partnerId }))),
    invite,
    now,
  );
}

export async function applyVenues(tx: Tx, actor: Actor, works: VenueWork[], invite: boolean, now: Date): Promise<number> {
  const todo = accepted(works);
  const slugs = new Set((await tx.venue.findMany({ select: { slug: true } })).map((venue) => venue.slug));
  const slugOf = (name: string) => {
    const base = normalise(name).replace(/ /g, "-").slice(0, 60) || "lieu";
    let slug = base;
    for (let n = 2; slugs.has(slug); n += 1) slug = `${base}-${n}`;
    slugs.add(slug);
    return slug;
  };
  await tx.venue.createMany({
    data: todo.filter((w) => w.isNew).map((w) => ({ id: w.venueId, slug: slugOf(w.fields.name!), ...(w.fields as Required<VenueWork["fields"]>) })),
  });
  for (const work of todo) if (!work.isNew && Object.keys(work.fields).length) await tx.venue.update({ where: { id: work.venueId }, data: work.fields });
  return createAccounts(
    tx,
    actor,
    todo.flatMap((w) => w.contacts.map((contact) => ({ ...contact, venueId: w.venueId }))),
    invite,
    now,
  );
}

export async function applyPeople(tx: Tx, actor: Actor, works: PersonWork[], invite: boolean, now: Date): Promise<number> {
  const todo = accepted(works);
  return createAccounts(
    tx,
    actor,
    todo.map((w) => ({ name: w.name, email: w.email, partnerId: w.partnerId ?? undefined, venueId: w.venueId ?? undefined })),
    invite,
    now,
  );
}

/** Referents and managers: invited one by one (a token and a mail each) when asked, else created together. */
async function createAccounts(tx: Tx, actor: Actor, accounts: NewAccount[], invite: boolean, now: Date): Promise<number> {
  if (invite) {
    for (const account of accounts) await inviteInTransaction(tx, actor, { ...account, role: account.partnerId ? "PARTNER" : "VENUE" }, now);
    return accounts.length;
  }
  const users = accounts.map((account) => ({ id: randomUUID(), ...account }));
  await tx.user.createMany({
    data: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.partnerId ? ("PARTNER" as const) : ("VENUE" as const),
      partnerId: u.partnerId ?? null,
    })),
  });
  await tx.venueManager.createMany({ data: users.flatMap((u) => (u.venueId ? [{ userId: u.id, venueId: u.venueId }] : [])) });
  return 0;
}
