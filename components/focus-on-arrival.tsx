"use client";

// What just happened, said where the keyboard is: a page reached by a redirect after an action (a
// booking made, a booking cancelled) puts the focus on its result, which is also announced. The same
// banner may stay mounted from one redirect to the next (booked, then cancelled, on one page): it takes
// the focus again at each new address, not only when it first appears.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

// A heading may take the focus too: the results of a search, brought into view once it is sent (issue 29.9).
export function FocusOnArrival({ children, className, as = "p", id }: { children: React.ReactNode; className?: string; as?: "p" | "h2"; id?: string }) {
  const element = useRef<HTMLParagraphElement & HTMLHeadingElement>(null);
  const address = `${usePathname()}?${useSearchParams().toString()}`;
  useEffect(() => {
    element.current?.focus();
    if (as === "h2") element.current?.scrollIntoView({ block: "start" });
  }, [address, as]);
  if (as === "h2")
    return (
      <h2 ref={element} id={id} tabIndex={-1} className={className}>
        {children}
      </h2>
    );
  return (
    <p ref={element} id={id} tabIndex={-1} role="status" className={className}>
      {children}
    </p>
  );
}
