// Secrets of a local installation (demo, dev), generated at first start into .data/ (ignored by git).
// Production sets them in its environment instead.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "./database";

// INVITATION_ED25519_KEY: the seed of the key that signs new invitations (decision record 021).
const names = ["NEXTAUTH_SECRET", "INVITATION_SIGNING_KEY", "INVITATION_ED25519_KEY"] as const;

export function localSecrets(): Record<(typeof names)[number], string> {
  const file = path.join(dataDir, "secrets.json");
  const stored: Record<string, string> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const name of names) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("base64url");
      changed = true;
    }
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  // Values set in the environment (or .env) win over the generated ones.
  return Object.fromEntries(names.map((name) => [name, process.env[name] || stored[name]!])) as Record<(typeof names)[number], string>;
}
