"use client";

// What just happened, said where the keyboard is: a page reached by a redirect after an action (a
// booking made, a booking cancelled) puts the focus on its result, which is also announced.
import { useEffect, useRef } from "react";

export function FocusOnArrival({ children, className }: { children: React.ReactNode; className?: string }) {
  const element = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    element.current?.focus();
  }, []);
  return (
    <p ref={element} tabIndex={-1} role="status" className={className}>
      {children}
    </p>
  );
}
