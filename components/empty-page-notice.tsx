// What a list says when it has nothing to show: in its own box, so that an empty page does not look broken.
export function EmptyPageNotice({ children, className = "rounded-lg bg-brand-50 p-4" }: { children: React.ReactNode; className?: string }) {
  return <p className={className}>{children}</p>;
}
