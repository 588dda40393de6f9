-- Hand-written: the scheduled sessions of an event, by date. "Has this event a session to come?" (the
-- association's venue list asks it of every event of its page's 25 venues: 397 events at national scale)
-- was answered by fetching each session row to read its status: 18 ms. Partial on the status, the index
-- answers it alone (2.7 ms). Issue 14, decision 010.
CREATE INDEX "Session_eventId_startsAt_scheduled_idx" ON "Session" ("eventId", "startsAt") WHERE "status" = 'SCHEDULED';
