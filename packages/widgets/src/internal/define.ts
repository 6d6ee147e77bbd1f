/**
 * Registers a tag. Pages often load a script twice: the same class again is a no-op; another class under the
 * tag is refused with a warning rather than an exception that would stop the rest of the page's scripts.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element) {
    console.warn(`Civic Widgets: <${tag}> is already defined by another script; this copy is not used.`);
  }
}
