-- Hand-written: the sessions on which late places were released ("Des places ce soir", issue 33.2), by
-- date. Every view of the statistics pages counts a season's (lib/stats/late-places.ts): without it
-- PostgreSQL read all 50,000 sessions of the national data to find the few, 8 ms of its time per view,
-- under 16 clients a share of the machine's two cores (issue 35.2). Partial: the index holds those few only.
CREATE INDEX "Session_late_idx" ON "Session" ("startsAt") INCLUDE ("eventId", "latePlaces", "lateConfirmedPlaces") WHERE "latePlaces" > 0 AND "status" = 'SCHEDULED';
