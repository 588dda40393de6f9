// Every booking, for the association (a person may phone it to cancel): searched by number, a guest's
// name, structure, venue, event, dates and status; one booking with its history from the audit log. The
// association sees guests' names here and on guest lists only.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { formatBookingNumber, normalizeBookingNumber } from "@/lib/booking/number";
import { canWithdrawGuest } from "@/lib/booking/withdraw-guest";
import { toCsv } from "@/lib/csv";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { endOfParisDay, parisTime } from "@/lib/time";
import { requireId, urlDay, urlFilter, urlText, parse } from "@/lib/validation";
import { formatCsvMoment } from "@/lib/format/dates";
import { CSV_MAX_ROWS } from "./export";
import { fromUrl, LIST_WORDS, sortOf, urlDirection, urlSort, type Direction, pageOffset, urlPage, type SearchParams } from "@/lib/lists";

const ensureAdmin = (actor: Actor) => ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");

/** The columns the list sorts by, each with its natural direction. */
export const BOOKING_SORTS = {
  requested: "desc",
  session: "asc",
  number: "asc",
  title: "asc",
  venue: "asc",
  partner: "asc",
  places: "desc",
  status: "asc",
} as const satisfies Record<string, Direction>;
export type BookingSort = keyof typeof BOOKING_SORTS;

/** The search's words in the URL (lib/lists.ts, issue 28.5): `?numero=…&nom=…&lieu=…&du=…&tri=seance&page=2`. */
export const BOOKING_WORDS = {
  number: "numero",
  name: "nom",
  partner: "structure",
  venue: "lieu",
  title: "spectacle",
  from: "du",
  to: "au",
  status: "etat",
  sort: {
    word: LIST_WORDS.sort,
    values: {
      requested: "demande",
      session: "seance",
      number: "numero",
      title: "spectacle",
      venue: "lieu",
      partner: "structure",
      places: "places",
      status: "etat",
    } satisfies Record<BookingSort, string>,
  },
  direction: LIST_WORDS.direction,
  page: LIST_WORDS.page,
} as const;

/** The search, English fields: anything unreadable is dropped, never an error. */
export const bookingSearchSchema = z.object({
  number: urlText(20),
  name: urlText(80),
  partner: urlFilter(z.uuid()),
  venue: urlFilter(z.uuid()),
  title: urlText(100),
  from: urlDay(),
  to: urlDay(),
  status: urlFilter(z.enum(["CONFIRMED", "WAITLISTED", "CANCELLED"])),
  /** Order (lib/lists.ts): latest requests first by default. */
  sort: urlSort(BOOKING_SORTS),
  direction: urlDirection(),
  page: urlPage(),
});
export type BookingSearch = z.output<typeof bookingSearchSchema>;

/** The search of a URL of the list (its French words), for the page and its export. */
export function readBookingSearch(params: SearchParams): BookingSearch {
  return bookingSearchSchema.parse(fromUrl(BOOKING_WORDS, params));
}

/** The order of each column, and the id last: no booking shows on two pages or on none. */
function bookingOrder(search: BookingSearch): Prisma.BookingOrderByWithRelationInput[] {
  const { column, direction: dir } = sortOf(BOOKING_SORTS, "requested", search.sort, search.direction);
  const first: Record<BookingSort, Prisma.BookingOrderByWithRelationInput> = {
    requested: { requestedAt: dir },
    session: { session: { startsAt: dir } },
    number: { number: dir },
    title: { session: { event: { title: dir } } },
    venue: { session: { event: { venue: { name: dir } } } },
    partner: { partner: { name: dir } },
    places: { places: dir },
    status: { status: dir },
  };
  return [first[column], { id: dir }];
}

function bookingWhere(search: BookingSearch): Prisma.BookingWhereInput {
  const where: Prisma.BookingWhereInput[] = [];
  const number = search.number ? normalizeBookingNumber(search.number) : "";
  if (number) where.push({ number: { startsWith: number } });
  if (search.name) {
    // Every word must be in the guest's first or last name, whatever the case (accents as typed). The
    // list shows the guests it matched (searchBookings); its CSV carries no name.
    where.push({ guests: { some: guestMatch(nameWords(search.name)) } });
  }
  if (search.partner) where.push({ partnerId: search.partner });
  if (search.venue) where.push({ session: { event: { venueId: search.venue } } });
  if (search.title) where.push({ session: { event: { title: { contains: search.title, mode: "insensitive" } } } });
  if (search.from) where.push({ session: { startsAt: { gte: parisTime(search.from) } } });
  if (search.to) where.push({ session: { startsAt: { lt: endOfParisDay(search.to) } } });
  if (search.status) where.push({ status: search.status });
  return { AND: where };
}

/** What a row of the list (and of its CSV) holds: no guest, not even the first one's name. */
const BOOKING_ROW = {
  id: true,
  number: true,
  status: true,
  places: true,
  requestedAt: true,
  partner: { select: { id: true, name: true } },
  session: { select: { id: true, startsAt: true, event: { select: { title: true, venue: { select: { id: true, name: true } } } } } },
} satisfies Prisma.BookingSelect;

/** Beyond this many matches the list says "more than" rather than counting every booking (issue 14). */
export const COUNT_CAP = 10_000;

/** The guests a name search matched: the same words, each in a first or last name. */
function nameWords(name: string): string[] {
  return name.split(" ").filter(Boolean).slice(0, 4);
}
function guestMatch(words: string[]): Prisma.BookingGuestWhereInput {
  return {
    AND: words.map((word) => ({
      OR: [{ firstName: { contains: word, mode: "insensitive" as const } }, { lastName: { contains: word, mode: "insensitive" as const } }],
    })),
  };
}

/**
 * A name search made for a caller on the phone (issue 29.9): under this many matches, and unless a column's
 * order was asked for, the sessions to come are listed first (soonest first), then past ones (latest first),
 * so that the caller's next outing is the first row.
 */
export const CALLER_ORDER_MAX = 200;

export async function searchBookings(actor: Actor, search: BookingSearch, { pageSize = 25, countCap = COUNT_CAP, now = new Date() } = {}) {
  ensureAdmin(actor);
  const filter = bookingWhere(search);
  const prisma = getPrisma();
  // The guest a name search found is shown in its row (the association may read guests' names; the CSV never
  // carries them): the person on the phone is recognised at a glance among namesakes.
  const select = search.name
    ? {
        ...BOOKING_ROW,
        guests: { where: guestMatch(nameWords(search.name)), orderBy: { position: "asc" as const }, take: 3, select: { firstName: true, lastName: true } },
      }
    : BOOKING_ROW;
  // Counted up to COUNT_CAP + 1 only: a national network's 500,000 bookings are not counted at each view.
  const counted = await prisma.booking.count({ where: filter, take: countCap + 1 });
  const callerOrder = Boolean(search.name) && !search.sort && counted <= CALLER_ORDER_MAX;
  const rows = callerOrder
    ? upcomingFirst(await prisma.booking.findMany({ where: filter, select, orderBy: [{ sessionStartsAt: "asc" }, { id: "asc" }] }), now).slice(
        pageOffset(search.page, pageSize),
        pageOffset(search.page, pageSize) + pageSize,
      )
    : await prisma.booking.findMany({ where: filter, orderBy: bookingOrder(search), skip: pageOffset(search.page, pageSize), take: pageSize, select });
  const capped = counted > countCap;
  const total = Math.min(counted, countCap);
  const bookings = rows.map((row) => {
    const { guests, ...booking } = row as typeof row & { guests?: { firstName: string; lastName: string }[] };
    return { ...booking, past: row.session.startsAt < now, matchedGuests: guests ?? [] };
  });
  return { bookings, total, capped, callerOrder, page: search.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Sessions to come first, soonest first; then past ones, latest first (rows come in session order). */
function upcomingFirst<T extends { session: { startsAt: Date } }>(rows: T[], now: Date): T[] {
  const upcoming = rows.filter((row) => row.session.startsAt >= now);
  const past = rows.filter((row) => row.session.startsAt < now).reverse();
  return [...upcoming, ...past];
}

/**
 * The bookings found, in the list's order, as CSV: every match, not only the page, up to CSV_MAX_ROWS
 * (50,000: lib/association/export.ts).
 * `query` is the list's search (readBookingSearch: its filters and its order, English fields). No guest names: the association reads them on a
 * booking's page and on guest lists only.
 */
export async function bookingsCsv(
  actor: Actor,
  query: unknown,
  { labels = (key) => key, maxRows = CSV_MAX_ROWS }: { labels?: (key: string) => string; maxRows?: number } = {},
): Promise<string> {
  ensureAdmin(actor);
  const search = parse(bookingSearchSchema, query);
  const rows = await getPrisma().booking.findMany({ where: bookingWhere(search), orderBy: bookingOrder(search), take: maxRows, select: BOOKING_ROW });
  return toCsv(
    ["Numéro", "Événement", "Séance", "Lieu", "Structure", "Places", "État", "Demandée le"],
    rows.map((row) => [
      formatBookingNumber(row.number),
      row.session.event.title,
      formatCsvMoment(row.session.startsAt),
      row.session.event.venue.name,
      row.partner.name,
      row.places,
      labels(`bookingStatus.${row.status}`),
      formatCsvMoment(row.requestedAt),
    ]),
  );
}

/** One booking, with its guests and its history (every audit entry about it, oldest first). */
export async function getBookingForAssociation(actor: Actor, bookingId: string, { now = new Date() } = {}) {
  ensureAdmin(actor);
  requireId(bookingId, "réservation");
  const prisma = getPrisma();
  const booking = await prisma.booking.findUnique({
    where: { id: bookingId },
    include: {
      partner: { select: { id: true, name: true, phone: true, email: true } },
      createdBy: { select: { name: true } },
      cancelledBy: { select: { name: true } },
      // The other part of a group split between confirmed places and the waitlist.
      splitFrom: { select: { id: true, number: true, status: true } },
      splitInto: { select: { id: true, number: true, status: true } },
      session: {
        select: { id: true, startsAt: true, status: true, event: { select: { id: true, title: true, venue: { select: { id: true, name: true } } } } },
      },
      guests: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          firstName: true,
          lastName: true,
          kind: true,
          needs: true,
          needsNote: true,
          attendance: true,
          cancelledAt: true,
          checkedInAt: true,
        },
      },
    },
  });
  if (!booking) throw new NotFoundError("réservation");
  const history = await prisma.auditLog.findMany({
    where: { entityType: "Booking", entityId: bookingId },
    orderBy: { id: "asc" },
    select: { id: true, at: true, action: true, actorKind: true, before: true, after: true, actor: { select: { name: true } } },
  });
  // Withdrawn guests stay on the page, said as such; a companion may be withdrawn by phone as on the
  // structure's page (lib/booking/withdraw-guest.ts).
  const guests = booking.guests.map(({ cancelledAt, checkedInAt, ...guest }) => ({
    ...guest,
    withdrawnAt: cancelledAt,
    canWithdraw: canWithdrawGuest(
      { status: booking.status, startsAt: booking.session.startsAt, guests: booking.guests },
      { position: guest.position, cancelledAt, checkedInAt },
      now,
    ),
  }));
  return { ...booking, guests, history: history.map((entry) => ({ ...entry, id: String(entry.id) })) };
}
