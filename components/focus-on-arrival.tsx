"use client";

// What just happened, said where the keyboard is: a page reached by a redirect after an action (a
// booking made, a booking cancelled) puts the focus on its result, which is also announced. The same
// banner may stay mounted from one redirect to the next (booked, then cancelled, on one page): it takes
// the focus again at each new address, not only when it first appears.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

export function FocusOnArrival({ children, className }: { children: React.ReactNode; className?: string }) {
  const element = useRef<HTMLParagraphElement>(null);
  const address = `${usePathname()}?${useSearchParams().toString()}`;
  useEffect(() => {
    element.current?.focus();
  }, [address]);
  return (
    <p ref={element} tabIndex={-1} role="status" className={className}>
      {children}
    </p>
  );
}
