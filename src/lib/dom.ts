/** The page's element with this id, of this type; a page missing it is a build bug, said at once. */
export function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing from ${location.pathname}`);
  return found;
}
