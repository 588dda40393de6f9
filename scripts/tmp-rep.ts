import "./lib/allow-server-only";
import { getPrisma } from "../lib/db/client";
async function time(name: string, f: () => Promise<unknown>) { for (let i = 0; i < 6; i++) { const t = performance.now(); await f(); if (i == 5) console.log(name, (performance.now() - t).toFixed(1)); } }
async function main() {
  const prisma = getPrisma();
  const now = new Date();
  await time("count", () => prisma.venue.count({ where: {} }));
  const venues = await prisma.venue.findMany({ orderBy: [{ name: "asc" }], take: 25, select: { id: true } });
  await time("findMany", () => prisma.venue.findMany({ orderBy: [{ name: "asc" }], take: 25, select: { id: true, name: true, kind: true, city: true, quotaRule: { select: { period: true, maxPlaces: true, liftDaysBefore: true } }, managers: { orderBy: { createdAt: "asc" }, select: { user: { select: { name: true, email: true, active: true, passwordHash: true } } } } } }));
  await time("groupBy", () => prisma.event.groupBy({ by: ["venueId"], where: { venueId: { in: venues.map((v) => v.id) }, sessions: { some: { startsAt: { gt: now }, status: "SCHEDULED" } } }, _count: { _all: true } }));
  await time("raw", () => prisma.$queryRaw`SELECT e."venueId", count(*)::int FROM "Event" e WHERE e."venueId" = ANY(${venues.map((v) => v.id)}) AND EXISTS (SELECT 1 FROM "Session" s WHERE s."eventId" = e.id AND s."startsAt" > ${now} AND s.status = 'SCHEDULED') GROUP BY 1`);
  process.exit(0);
}
main();
