// A page of one thing (a booking, a venue, a session…): the data layer answers NotFoundError both when it
// does not exist and when the actor may not even know it exists, and the page answers 404 in both cases.
// Any other error goes on to the error page.
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** `malformedToo`: an id in the address that is not even well formed is a page that does not exist. */
export async function loadOr404<T>(loading: Promise<T>, { malformedToo = false }: { malformedToo?: boolean } = {}): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof NotFoundError || (malformedToo && (error as { code?: string } | null)?.code === "INVALID_INPUT")) notFound();
    throw error;
  }
}
