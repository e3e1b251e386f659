import { XMLValidator } from 'fast-xml-parser';

/**
 * The well-formedness error of an XML document (fast-xml-parser's validator: unbalanced or stray
 * tags, a `<` or `&` that starts nothing, duplicate attributes, not exactly one root element), with
 * its line; empty when well-formed. The validator stops at the first error.
 */
export function xmlErrors(xml: string): string[] {
  const result = XMLValidator.validate(xml);
  return result === true ? [] : [`line ${result.err.line}: ${result.err.msg} [${result.err.code}]`];
}
