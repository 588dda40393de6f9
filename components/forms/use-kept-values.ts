"use client";

// A form given to `action` is reset by React once the action returns, whatever it answered: a refused
// form would come back empty (issue 13, item 1). Sending it by hand keeps what was typed; the button
// pressed is sent too, as the browser would.
import { useTransition } from "react";

export function useKeptValues(formAction: (data: FormData) => void) {
  const [, startTransition] = useTransition();
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => formAction(data));
  };
}
