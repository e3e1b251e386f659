/**
 * A document's validity as the search filter shows it: what the document (or its sidecar) states
 * (有效性: 继续有效 …), or 未注明. One place, so that a status computed from dated statements
 * (现行有效, 已失效, 已修改, 尚未施行, as the corpus issue specifies) replaces it here alone.
 */
import type { DocumentMeta } from './schemas/document.ts';

export function validityLabel(meta: Pick<DocumentMeta, 'validity'>): string {
  return meta.validity ?? '未注明';
}
