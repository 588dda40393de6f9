// Forgotten passwords and chosen ones: a single-use link by mail (tokens.ts), always the same answer
// whether the address has an account, and a password chosen once per link, which ends the sessions opened
// before.
import "server-only";
import { parse } from "@/lib/validation";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { getPrisma } from "@/lib/db/client";
import { RuleViolation } from "@/lib/errors";
import { prismaSql } from "@/lib/db/sql";
import { queueMail } from "@/lib/mail";
import { appUrl } from "@/lib/http/app-url";
import { anonymousActor } from "./actor";
import { hashPassword } from "./password";
import { takeAttempt } from "./throttle";
import { consumeToken, issueToken, revokeTokens } from "./tokens";
import { choosePasswordSchema, email } from "./schemas";

/**
 * Always the same answer, whether or not the address has an account. At most a few requests per address
 * and per client in a quarter of an hour, so that the form cannot be used to flood a mailbox.
 */
export async function requestPasswordReset(input: unknown, ip = "local", now = new Date()): Promise<void> {
  const { email: address } = parse(z.object({ email }), input);
  if (
    !(await takeAttempt(
      [
        ["reset-email", address],
        ["reset-ip", ip],
      ],
      now,
    ))
  ) {
    throw new RuleViolation("TOO_MANY_REQUESTS", "Trop de demandes pour cette adresse : réessayez dans un quart d'heure.");
  }
  const user = await getPrisma().user.findUnique({ where: { email: address }, select: { id: true, name: true, active: true } });
  if (!user || !user.active) return;
  await getPrisma().$transaction(async (tx) => {
    const token = await issueToken(user.id, "PASSWORD_RESET", now, tx);
    await queueMail(prismaSql(tx), {
      kind: "PASSWORD_RESET",
      userId: user.id,
      props: { name: user.name },
      secrets: { link: appUrl(`/mot-de-passe/${token}`) },
    });
  });
}

/** Sets the password of an invitation or a reset link, once; ends the sessions opened before. */
export async function choosePassword(input: unknown, now = new Date()): Promise<{ email: string }> {
  const { token, password } = parse(choosePasswordSchema, input);
  const passwordHash = await hashPassword(password);
  return getPrisma().$transaction(async (tx) => {
    const used = await consumeToken(tx, token, now);
    if (!used) throw new RuleViolation("LINK_INVALID", "Ce lien n'est plus valable.");
    const user = await tx.user.update({ where: { id: used.userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { email: true } });
    await revokeTokens(tx, used.userId, "PASSWORD_RESET", now);
    // Whoever holds the link acts, signed out: the account is the entity.
    await audit(
      tx,
      anonymousActor,
      { action: used.kind === "INVITATION" ? "user.password_chosen" : "user.password_reset", entityType: "User", entityId: used.userId },
      now,
    );
    return user;
  });
}
