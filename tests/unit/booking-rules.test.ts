// The pure rules of lib/booking, checked on many random cases (fast-check) against their definitions.
import fc from "fast-check";
import { quotaPeriodKey } from "@/lib/booking/quota-period";
import { allocate, applicableQuota, bookingWindow, pickPromotions, type WaitingBooking } from "@/lib/booking/rules";

const ifShort = fc.constantFrom("SPLIT" as const, "WAITLIST" as const, "NOTHING" as const);
const quota = fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 30 }));

describe("allocation (rules 1 and 2)", () => {
  it("confirms N places exactly when both the places left and the quota allow N", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 60 }), quota, ifShort, (requested, placesLeft, quotaLeft, choice) => {
        const result = allocate(requested, placesLeft, quotaLeft, choice);
        const available = Math.min(placesLeft, quotaLeft);
        expect(result.kind === "CONFIRM").toBe(requested <= available);
        if (result.kind === "CONFIRM") expect(result.places).toBe(requested);
      }),
    );
  });

  it("when short, follows the partner's choice and never confirms beyond what is available", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 60 }), quota, ifShort, (requested, placesLeft, quotaLeft, choice) => {
        const available = Math.min(placesLeft, quotaLeft);
        fc.pre(requested > available);
        const result = allocate(requested, placesLeft, quotaLeft, choice);
        if (choice === "NOTHING") expect(result).toEqual({ kind: "NOTHING" });
        else if (choice === "SPLIT" && available > 0) expect(result).toEqual({ kind: "SPLIT", confirm: available, waitlist: requested - available });
        else expect(result).toEqual({ kind: "WAITLIST", places: requested });
      }),
    );
  });
});

const waitlist = fc.array(fc.record({ partner: fc.integer({ min: 0, max: 4 }), places: fc.integer({ min: 1, max: 6 }) }), { maxLength: 25 });

describe("moving the waitlist up (rule 3)", () => {
  it("is first-fit in order of request, within the places and every partner's quota", () => {
    fc.assert(
      fc.property(waitlist, fc.integer({ min: 0, max: 30 }), fc.array(quota, { minLength: 5, maxLength: 5 }), (entries, placesLeft, quotas) => {
        const waiting: WaitingBooking[] = entries.map((e, i) => ({ id: `b${i}`, partnerId: `p${e.partner}`, places: e.places }));
        const quotaOf = (partnerId: string) => quotas[Number(partnerId.slice(1))]!;
        const promoted = new Set(pickPromotions(waiting, placesLeft, quotaOf));

        // Replays the definition: each booking in turn is promoted if and only if it fits what the
        // bookings promoted before it have left, in places and in its partner's quota.
        let left = placesLeft;
        const used = new Map<string, number>();
        for (const booking of waiting) {
          const quotaLeft = quotaOf(booking.partnerId) - (used.get(booking.partnerId) ?? 0);
          const fits = booking.places <= left && booking.places <= quotaLeft;
          expect(promoted.has(booking.id)).toBe(fits);
          if (fits) {
            left -= booking.places;
            used.set(booking.partnerId, (used.get(booking.partnerId) ?? 0) + booking.places);
          }
        }
        expect(left).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("returns the promoted bookings in their order on the waitlist", () => {
    fc.assert(
      fc.property(waitlist, fc.integer({ min: 0, max: 30 }), (entries, placesLeft) => {
        const waiting = entries.map((e, i) => ({ id: `b${i}`, partnerId: `p${e.partner}`, places: e.places }));
        const order = pickPromotions(waiting, placesLeft, () => Infinity).map((id) => Number(id.slice(1)));
        expect(order).toEqual([...order].sort((x, y) => x - y));
      }),
    );
  });
});

describe("quotas", () => {
  const day = 86_400_000;
  const rule = { period: "SESSION" as const, maxPlaces: 4, liftDaysBefore: 3 };

  it("apply the rule, unless an unexpired exception replaces it or the lift window has begun", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 }).map((hours) => hours * 3600_000),
        fc.option(fc.record({ maxPlaces: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }), expired: fc.boolean() }), { nil: null }),
        (beforeSession, exception) => {
          const startsAt = new Date(Date.UTC(2027, 0, 20, 19));
          const now = new Date(startsAt.getTime() - beforeSession);
          const facts = exception && { maxPlaces: exception.maxPlaces, expiresAt: new Date(now.getTime() + (exception.expired ? -1 : 1)) };
          const max = applicableQuota(rule, facts, startsAt, now);
          if (beforeSession <= rule.liftDaysBefore * day) expect(max).toBeNull();
          else if (exception && !exception.expired) expect(max).toBe(exception.maxPlaces);
          else expect(max).toBe(4);
        },
      ),
    );
    expect(applicableQuota(null, null, new Date(), new Date())).toBeNull();
  });

  it("group sessions by month in the Paris calendar", () => {
    const parisMonth = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" });
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2026-01-01"), max: new Date("2029-12-31"), noInvalidDate: true }),
        fc.date({ min: new Date("2026-01-01"), max: new Date("2029-12-31"), noInvalidDate: true }),
        (a, b) => {
          const same = parisMonth.format(a) === parisMonth.format(b);
          expect(quotaPeriodKey("MONTH", { id: "x", startsAt: a }) === quotaPeriodKey("MONTH", { id: "y", startsAt: b })).toBe(same);
        },
      ),
    );
  });
});

describe("the booking window (rule 6)", () => {
  it("is open only for a published, scheduled session, between its opening and its closing or start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 100 }),
        fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
        fc.option(fc.integer({ min: -100, max: 0 }), { nil: null }),
        fc.boolean(),
        fc.constantFrom("DRAFT" as const, "PUBLISHED" as const, "CANCELLED" as const),
        fc.constantFrom("SCHEDULED" as const, "CANCELLED" as const),
        (nowOffset, opensOffset, closesOffset, closedByHand, eventStatus, status) => {
          const startsAt = new Date(Date.UTC(2027, 5, 1, 20));
          const at = (hours: number) => new Date(startsAt.getTime() + hours * 3600_000);
          const session = {
            startsAt,
            bookingOpensAt: opensOffset === null ? null : at(opensOffset),
            bookingClosesAt: closesOffset === null ? null : at(closesOffset),
            closedAt: closedByHand ? at(-200) : null,
            status,
            eventStatus,
          };
          const now = at(nowOffset);
          const closes = session.bookingClosesAt ?? startsAt;
          const open =
            status === "SCHEDULED" &&
            eventStatus === "PUBLISHED" &&
            !closedByHand &&
            now < closes &&
            (!session.bookingOpensAt || now >= session.bookingOpensAt);
          expect(bookingWindow(session, now) === "OPEN").toBe(open);
        },
      ),
    );
  });
});
