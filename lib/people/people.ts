// The people a partner structure supports (Actionneurs): first and last name, optional notes, nothing
// more. Only the structure's own users and the association see them. Deleting a person takes them off
// the list (archivedAt); their past bookings keep the names printed on the invitations until the
// retention period.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { canManagePeople, ensure } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { cleanLine, isUuid, parse } from "@/lib/validation";
import { pageOffset } from "@/lib/lists";
import { personSchema, personUpdateSchema } from "./schemas";

export { personSchema, personUpdateSchema };

export interface PersonRow {
  id: string;
  firstName: string;
  lastName: string;
  notes: string | null;
  outings: number;
}

const PAGE_SIZE = 25;

/** The structure's list, alphabetical; `q` searches first and last names as the user types. */
export async function listPeople(
  actor: Actor,
  partnerId: string,
  { q = "", page = 1, pageSize = PAGE_SIZE }: { q?: string; page?: number; pageSize?: number } = {},
): Promise<{ people: PersonRow[]; total: number; page: number; pageCount: number }> {
  ensure(canManagePeople(actor, partnerId), "Vous ne voyez que les personnes de votre structure.");
  if (!isUuid(partnerId)) throw new NotFoundError("structure");
  // What people type in a search box: cleaned like any text (a NUL byte cannot even reach PostgreSQL).
  const words = cleanLine(typeof q === "string" ? q.slice(0, 100) : "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 4);
  const where: Prisma.PersonWhereInput = {
    partnerId,
    archivedAt: null,
    AND: words.map((word) => ({
      OR: [{ firstName: { contains: word, mode: "insensitive" } }, { lastName: { contains: word, mode: "insensitive" } }],
    })),
  };
  const prisma = getPrisma();
  const [total, people] = await Promise.all([
    prisma.person.count({ where }),
    prisma.person.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      skip: pageOffset(page, pageSize),
      take: pageSize,
      select: { id: true, firstName: true, lastName: true, notes: true },
    }),
  ]);
  // Outings are counted for the page's people only, through the index on the guest's person: a relation
  // count (_count) would group the whole guest table first (issue 14: 2.8 s at 16 users, national data).
  const counts = people.length
    ? await prisma.bookingGuest.groupBy({ by: ["personId"], where: { personId: { in: people.map((person) => person.id) } }, _count: { _all: true } })
    : [];
  const outings = new Map(counts.map((row) => [row.personId, row._count._all]));
  return {
    people: people.map((person) => ({ ...person, outings: outings.get(person.id) ?? 0 })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export async function createPerson(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parse(personSchema, input);
  ensure(canManagePeople(actor, data.partnerId), "Vous ne pouvez ajouter des personnes qu'à votre structure.");
  return getPrisma().person.create({ data, select: { id: true } });
}

/** The person, if the actor may see them; otherwise not found (their existence stays hidden). */
async function ownPerson(actor: Actor, personId: string) {
  const person = isUuid(personId) ? await getPrisma().person.findUnique({ where: { id: personId } }) : null;
  if (!person || person.archivedAt || !canManagePeople(actor, person.partnerId)) throw new NotFoundError("personne");
  return person;
}

export async function updatePerson(actor: Actor, input: unknown): Promise<void> {
  const { personId, ...data } = parse(personUpdateSchema, input);
  await ownPerson(actor, personId);
  await getPrisma().person.update({ where: { id: personId }, data });
}

export async function archivePerson(actor: Actor, input: unknown): Promise<void> {
  const { personId } = parse(z.object({ personId: z.uuid("validation.invalid") }), input);
  await ownPerson(actor, personId);
  await getPrisma().person.update({ where: { id: personId }, data: { archivedAt: new Date(), notes: null } });
}

export interface Outing {
  bookingId: string;
  number: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  eventTitle: string;
  venueName: string;
  startsAt: Date;
  attendance: "ATTENDED" | "NO_SHOW" | null;
}

/** A person with their outings, most recent first. */
export async function getPerson(actor: Actor, personId: string): Promise<PersonRow & { partnerId: string; language: string | null; outingList: Outing[] }> {
  const person = await ownPerson(actor, personId);
  const guests = await getPrisma().bookingGuest.findMany({
    where: { personId },
    orderBy: { booking: { session: { startsAt: "desc" } } },
    take: 100,
    select: {
      attendance: true,
      booking: {
        select: {
          id: true,
          number: true,
          status: true,
          session: { select: { startsAt: true, event: { select: { title: true, venue: { select: { name: true } } } } } },
        },
      },
    },
  });
  return {
    id: person.id,
    partnerId: person.partnerId,
    firstName: person.firstName,
    lastName: person.lastName,
    notes: person.notes,
    language: person.language,
    outings: guests.length,
    outingList: guests.map(({ attendance, booking }) => ({
      bookingId: booking.id,
      number: booking.number,
      status: booking.status,
      eventTitle: booking.session.event.title,
      venueName: booking.session.event.venue.name,
      startsAt: booking.session.startsAt,
      attendance,
    })),
  };
}
