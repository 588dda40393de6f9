"use server";

import { formAction, said } from "@/lib/actions/form-action";
import { makeWish } from "@/lib/wishes/wishes";

/** "J'aimerais y aller": a visitor's wish, sent to their structure's referents (lib/wishes). */
export const wishAction = formAction({
  run: makeWish,
  done: () => said("easy.wish.sent"),
  easy: true,
});
