const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const TOKEN = new RegExp(`<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|<|[^<]+`, 'g');
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;

/**
 * The well-formedness errors of an XML document (no DTDs): unbalanced or stray tags, a `<` or `&`
 * that starts nothing, duplicate attributes, not exactly one root element. Empty when well-formed.
 */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const open: string[] = [];
  let roots = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [token, closing, name, attributes, selfClosing] = m;
    if (token === '<') errors.push(`stray < at ${m.index}`);
    else if (name !== undefined) {
      const names = [...(attributes ?? '').matchAll(new RegExp(`(${NAME})\\s*=`, 'g'))].map((a) => a[1]);
      if (new Set(names).size !== names.length) errors.push(`duplicate attribute in <${name}>`);
      if ((attributes ?? '').replace(REFERENCE, '').includes('&')) errors.push(`bare & in <${name}>`);
      if (closing === '/') {
        const top = open.pop();
        if (top !== name) errors.push(`</${name}> closes <${top ?? 'nothing'}>`);
      } else {
        if (open.length === 0) roots += 1;
        if (selfClosing !== '/') open.push(name);
      }
    } else if (!token.startsWith('<')) {
      if (token.replace(REFERENCE, '').includes('&')) errors.push(`bare & in text at ${m.index}`);
      if (open.length === 0 && token.trim() !== '') errors.push(`text outside the root at ${m.index}`);
    }
  }
  if (open.length > 0) errors.push(`unclosed: ${open.join(', ')}`);
  if (roots !== 1) errors.push(`${roots} root elements`);
  return errors;
}
