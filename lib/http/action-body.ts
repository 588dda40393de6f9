// Issue 27.12: a server action's body that React cannot decode is answered 400 by scripts/server.ts;
// Next.js answered 500, the same as an action that fails, so a bot's noise looked like our bugs. The body
// is already read (lib/http/request-body.ts), so its shape can be checked against what React's client
// sends (encodeReply, react-server-dom): text that is JSON, or a multipart form whose part "0" is the
// JSON of the arguments; in that JSON a string starting with one "$" is a reference to another part
// ("$1", "$K2", "$1:name"), a user's own "$" being written "$$". A path through a prototype
// ("$1:__proto__:then", the shape of CVE-2025-55182) or a "__proto__" key is never sent by React: it is
// an attack React already refuses, answered 400 here. Decision 014 says what this relies on.

const PROTOTYPE_STEPS = new Set(["__proto__", "constructor", "prototype"]);

/** A reference that walks through a prototype, or an own "__proto__" key. */
function prototypeWalk(key: string, value: unknown): boolean {
  if (key === "__proto__") return true;
  if (typeof value !== "string" || !value.startsWith("$") || value.startsWith("$$")) return false;
  return value
    .split(":")
    .slice(1)
    .some((step) => PROTOTYPE_STEPS.has(step));
}

/** Whether a part is JSON that React could decode without walking a prototype. */
function decodableJson(text: string): boolean {
  let safe = true;
  try {
    JSON.parse(text, (key, value: unknown) => {
      if (prototypeWalk(key, value)) safe = false;
      return value;
    });
  } catch {
    return false;
  }
  return safe;
}

/** Whether an action's body (its Content-Type and bytes) cannot be what React's client sent. */
export async function undecodableAction(contentType: string | undefined, body: Buffer): Promise<boolean> {
  if (!/^multipart\/form-data/i.test(contentType ?? "")) return !decodableJson(body.toString("utf8"));
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType! } }).formData();
  } catch {
    return true;
  }
  if (!form.has("0")) return true;
  // Parts named by a number are React's JSON; "1_lastName" and the like are the user's form, taken as typed.
  for (const [name, value] of form) {
    if (/^\d+$/.test(name) && typeof value === "string" && !decodableJson(value)) return true;
  }
  return false;
}
