// Errors the domain raises on purpose. Each has a stable `code` that the UI turns into a sentence from
// the message catalog (messages/<locale>/booking.json, under "domainErrors"), with `params` for its placeholders;
// `message` is a French fallback for logs and tests.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The actor may not do this. Pages answer 403, or 404 when even the existence must stay hidden. */
export class AccessDeniedError extends DomainError {
  constructor(message = "Vous n'avez pas accès à cette ressource.") {
    super("ACCESS_DENIED", message);
  }
}

/** Nothing by that id that the actor may see. */
export class NotFoundError extends DomainError {
  constructor(what = "ressource") {
    super("NOT_FOUND", `Introuvable : ${what}.`, { what });
  }
}

/** A business rule refuses the change (the code says which). */
export class RuleViolation extends DomainError {}

/** Too many requests wait for the same venue right now: nothing was done, trying again will work. */
export class BusyError extends DomainError {
  constructor() {
    super("BUSY", "Beaucoup de demandes arrivent en même temps pour ce lieu : rien n'a été enregistré, réessayez dans un instant.");
  }
}
