// A table wider than a phone scrolls inside its own box, not the whole page (WCAG 1.4.10, reflow). The box
// is a named region that takes the keyboard's focus, so that it can be scrolled without a mouse (axe:
// scrollable-region-focusable). Name it with `label`, or with `labelledBy` when a heading already says it.
export function ScrollTable({
  label,
  labelledBy,
  id,
  className,
  children,
}: {
  label?: string;
  labelledBy?: string;
  id?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      id={id}
      className={className ? `relative overflow-x-auto ${className}` : "relative overflow-x-auto"}
      tabIndex={0}
      role="region"
      aria-label={label}
      aria-labelledby={labelledBy}
    >
      {children}
    </div>
  );
}
