// The inputs of accounts, parsed with zod. Client-safe: the invitation form checks them as people type
// (components/forms/schemas.ts) with the very schemas lib/auth/invitations and lib/auth/passwords parse on the server.
import { z } from "zod";

export const email = z.string().trim().toLowerCase().email("validation.email").max(200, "validation.tooLong");

export const choosePasswordSchema = z
  .object({
    token: z.string().min(20).max(100),
    password: z.string().min(10, "validation.passwordTooShort").max(200, "validation.tooLong"),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { message: "domainErrors.PASSWORDS_DIFFER", path: ["confirm"] });

export const inviteSchema = z.object({
  email,
  name: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  role: z.enum(["ADMIN", "PARTNER", "VENUE"]),
  partnerId: z.uuid("validation.invalid").optional(),
  venueId: z.uuid("validation.invalid").optional(),
});
