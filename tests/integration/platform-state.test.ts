// Issue 31.3: "État de la plateforme" (/admin/etat), the association's words for what runs: jobs late or
// failed, the last retention run, the last statistics refresh, mails waiting and failed, the database's
// size, the version. Read for the association only (the data layer refuses anyone else).
import { readFileSync } from "node:fs";
import { platformState } from "@/lib/association/platform-state";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { AccessDeniedError } from "@/lib/errors";
import { enqueue } from "@/lib/db/queue";
import { refreshSeasonFigures } from "@/lib/stats/figures";
import { seasonOf } from "@/lib/time";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { createPartner, createVenue } from "../factories";

const LONG_AGO = new Date("2000-01-01T00:00:00Z");

describe("the platform's state", () => {
  it("is the association's only", async () => {
    const partner = await createPartner();
    const venue = await createVenue();
    for (const actor of [
      await partnerActor(partner.id),
      await venueActor(venue.id),
      { kind: "anonymous" as const },
      { kind: "visitor" as const, partnerId: partner.id },
    ]) {
      await expect(platformState(actor)).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });

  it("says all is well on a quiet platform, and what is wrong when something is", async () => {
    const admin = await adminActor();
    const prisma = getPrisma();
    const quiet = await platformState(admin);
    expect(quiet.jobs).toMatchObject({ late: 0, failed: 0, level: "ok" });
    expect(quiet.retention).toMatchObject({ lastRun: null, level: "attention" });
    expect(quiet.statistics).toMatchObject({ refreshedAt: null, level: "attention" });
    expect(quiet.mails).toMatchObject({ waiting: 0, failed: 0, level: "ok" });
    expect(quiet.database.bytes).toBeGreaterThan(1_000_000);
    expect(quiet.version.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);

    // A job due long ago and not taken (late), one out of attempts (failed).
    await prisma.$transaction(async (tx) => {
      await enqueue(prismaSql(tx), { task: "stats-refresh", payload: {}, runAt: LONG_AGO });
      await enqueue(prismaSql(tx), { task: "retention", payload: {}, runAt: LONG_AGO, key: "failed-one", maxAttempts: 1 });
    });
    await prisma.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET attempts = 1, last_error = 'boom' WHERE key = 'failed-one'`);
    // Last night's retention, a statistics refresh, a mail waiting and one failed.
    const ranAt = new Date(Date.now() - 3_600_000);
    await prisma.retentionRun.create({ data: { at: ranAt, counts: { guestNamesReplaced: 12, peopleErased: 3 } } });
    await refreshSeasonFigures(seasonOf(ranAt), { now: ranAt });
    await prisma.outboxMail.createMany({
      data: [
        { kind: "BOOKING_CONFIRMED", to: "a@example.test", status: "PENDING", createdAt: LONG_AGO },
        { kind: "BOOKING_CONFIRMED", to: "b@example.test", status: "FAILED", error: "550" },
      ],
    });

    const state = await platformState(admin);
    expect(state.jobs).toMatchObject({ late: 1, failed: 1, level: "attention" });
    expect(state.jobs.lateSince?.getTime()).toBe(LONG_AGO.getTime());
    expect(state.retention).toMatchObject({ level: "ok", lastRun: { at: ranAt, counts: { guestNamesReplaced: 12, peopleErased: 3 } } });
    expect(state.statistics).toMatchObject({ refreshedAt: ranAt, level: "ok" });
    expect(state.mails).toMatchObject({ waiting: 1, failed: 1, level: "attention" });
  });
});
