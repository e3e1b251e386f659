import type { TextMetadata } from '../../scripts/lib/ingest/metadata.ts';

/** What extractTextMetadata finds in a text without any metadata: the base the expected values are laid over. */
export const NOTHING: TextMetadata = {
  title: null,
  titleLines: [],
  docNumber: null,
  issuer: null,
  date: null,
  indexNumber: null,
  validity: null,
  docType: null,
  effective: null,
  expires: null,
  history: [],
  historyLines: [],
  validityStatements: [],
  blockLines: [],
  rejectedDates: [],
};
