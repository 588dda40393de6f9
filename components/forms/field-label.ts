// The label a form shows for one of its fields, read from the page itself: the text of the field's
// <label>, or the legend of a group of boxes. Errors are named with it (issue 29.10), so that a message
// never names a field by a word the form does not show.
export function fieldLabel(form: HTMLFormElement | null, name: string): string | null {
  const found = form?.elements.namedItem(name);
  if (!found) return null;
  const group = found instanceof RadioNodeList;
  const field = group ? found[0] : found;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement)) return null;
  // Boxes of one name: the group's legend names the field, each box's label only names a choice.
  const legend = group ? field.closest("fieldset")?.querySelector("legend") : null;
  const text = (legend ?? field.labels?.[0])?.textContent?.replace(/\s+/g, " ").trim();
  return text || null;
}
