// How many connections a server process holds, and how many of them one venue's requests may use at
// once (decision 004). A crowd for one venue takes BOOKING_VENUE_SLOTS connections; the rest of the pool
// serves every other venue. With as many slots as connections (or more) the crowd takes the whole pool
// and every other venue waits again, 3 s in the issue's measurement (issue 26.10): such a configuration
// is refused when the pool opens, in a sentence saying what to change, rather than quietly clamped (a
// setting that is not what it says would hide the mistake).
import { z } from "zod";

/** A setting that cannot work; its message is the whole story. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

export interface PoolSettings {
  /** Connections of the process's pool (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** Requests of one venue at the database at once (BOOKING_VENUE_SLOTS). */
  venueSlots: number;
}

const whole = (name: string, fallback: number, min: number) =>
  z
    .string()
    .optional()
    .transform((text) => (text === undefined || text.trim() === "" ? fallback : Number(text)))
    .refine((value) => Number.isInteger(value) && value >= min, `${name} doit être un nombre entier d'au moins ${min}.`);

const settingsSchema = z.object({
  DATABASE_POOL_SIZE: whole("DATABASE_POOL_SIZE", 10, 2),
  BOOKING_VENUE_SLOTS: whole("BOOKING_VENUE_SLOTS", 2, 1),
});

/** The settings of `env`, or a ConfigurationError in French. */
export function poolSettings(env: Record<string, string | undefined> = process.env): PoolSettings {
  const parsed = settingsSchema.safeParse({ DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE, BOOKING_VENUE_SLOTS: env.BOOKING_VENUE_SLOTS });
  if (!parsed.success) throw new ConfigurationError(parsed.error.issues.map((issue) => issue.message).join(" "));
  const { DATABASE_POOL_SIZE: poolSize, BOOKING_VENUE_SLOTS: venueSlots } = parsed.data;
  if (venueSlots >= poolSize) {
    throw new ConfigurationError(
      `BOOKING_VENUE_SLOTS (${venueSlots}) doit rester inférieur à DATABASE_POOL_SIZE (${poolSize}) : sinon la foule d'un seul lieu prend toutes les connexions et les réservations des autres lieux attendent. Baissez BOOKING_VENUE_SLOTS ou augmentez DATABASE_POOL_SIZE.`,
    );
  }
  return { poolSize, venueSlots };
}
