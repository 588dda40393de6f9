// One shape for every server action that answers a form (issue 28.2; DESIGN, Architecture: actions are
// thin). The form is read into a plain object, the signed-in actor is resolved, lib/ is called (it
// validates the input and decides access: nothing of either happens here), then the action says what was
// done, or actionFailure puts the refusal into plain French. What an action does after success (revalidate
// a page, redirect) is its own small `done` callback.
import "server-only";
import { currentActor } from "@/lib/auth/current";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "./result";

import { anonymousActor, type Actor } from "@/lib/auth/actor";

/** A form as a plain object: what lib/'s zod schemas read. */
export type FormInput = Record<string, unknown>;

export interface FormReading {
  /** Checkbox groups and other lists: an array even when one box or none is ticked. */
  lists?: readonly string[];
  /** Fields whose blank value means "not given" (an optional choice left on its empty option). */
  optional?: readonly string[];
}

// Names a browser could send that would reach an object's prototype.
const UNSAFE = new Set(["__proto__", "prototype", "constructor"]);

/** "guests[0].firstName" and "guests.0.firstName" both name guests → 0 → firstName. */
function pathOf(name: string): string[] {
  return name
    .replace(/\[([^\]]*)\]/g, ".$1")
    .split(".")
    .filter((key) => key !== "");
}

/**
 * FormData → plain object. A repeated name (or one of `lists`) gives an array; nested names give nested
 * objects and arrays; Next's own fields ($ACTION_…) are left out.
 */
export function readForm(data: FormData, { lists = [], optional = [] }: FormReading = {}): FormInput {
  const input: FormInput = {};
  for (const name of new Set(data.keys())) {
    if (name.startsWith("$ACTION")) continue;
    const path = pathOf(name);
    if (path.length === 0 || path.some((key) => UNSAFE.has(key))) continue;
    const values = data.getAll(name);
    if (optional.includes(name) && values.every((value) => value === "")) continue;
    let node = input as Record<string, unknown>;
    for (const [index, key] of path.slice(0, -1).entries()) {
      const next = node[key];
      if (typeof next !== "object" || next === null) node[key] = /^\d+$/.test(path[index + 1]!) ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
    node[path.at(-1)!] = values.length > 1 || lists.includes(name) ? values : values[0];
  }
  for (const name of lists) input[name] ??= [];
  return input;
}

/** The confirmation box of a form that cannot be undone ("confirm" = "oui"). */
export const confirmed = (input: FormInput) => input.confirm === "oui";

/** What was done, in words: a key of the message catalog and its values. */
export async function said(key: string, values?: Record<string, string | number>): Promise<ActionState> {
  return { ok: true, message: (await getTranslations())(key, values) };
}

interface FormActionOptions<Result, Answer> extends FormReading {
  /**
   * The key of the sentence said, field by field and above the form, when the confirmation box is not
   * ticked (the browser requires it: only a hand-made request gets here). Nothing is called then.
   */
  confirm?: string;
  /** The call to lib/, with the actor and the form. */
  run: (actor: Actor, input: FormInput) => Promise<Result>;
  /** After success: revalidate, redirect, and what to say. */
  done: (result: Result, input: FormInput) => Answer | Promise<Answer>;
  /** A refusal that says more than actionFailure (a link to what already exists). */
  refused?: (error: unknown, failure: ActionState) => Answer | Promise<Answer>;
  /** A form of the easy-to-read pages: refused in their words (actionFailure's `easy`, issue 29.3). */
  easy?: boolean;
}

/** A server action for a form used with useActionState: (previous state, FormData) → the answer. */
export function formAction<Result, Answer extends ActionState = ActionState>(options: FormActionOptions<Result, Answer>) {
  return answering(options, currentActor);
}

/** The same for the public forms (sign-up for an activity, password reset…): no session is read. */
export function publicFormAction<Result>(options: Omit<FormActionOptions<Result, ActionState>, "run"> & { run: (input: FormInput) => Promise<Result> }) {
  return answering<Result, ActionState>({ ...options, run: (_actor, input) => options.run(input) }, null);
}

function answering<Result, Answer extends ActionState>(options: FormActionOptions<Result, Answer>, actorOf: (() => Promise<Actor>) | null) {
  return async function action(_state: ActionState, data: FormData): Promise<Answer | ActionState> {
    const input = readForm(data, options);
    if (options.confirm && !confirmed(input)) {
      const message = (await getTranslations())(options.confirm);
      return { ok: false, message, fieldErrors: { confirm: [message] } };
    }
    let result: Result;
    try {
      result = await options.run(actorOf ? await actorOf() : anonymousActor, input);
    } catch (error) {
      const failure = await actionFailure(error, { easy: options.easy });
      return options.refused ? options.refused(error, failure) : failure;
    }
    return options.done(result, input);
  };
}
