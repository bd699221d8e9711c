import type { Database } from '../../db/database';
import { checkGuide, GuideErrors } from './guide';
import { type ImportReport, type StoreOptions, storeGuide } from './store-guide';
import { parseXmltv, XmltvError } from './xmltv/parse';

export interface ImportOptions extends StoreOptions {
  /** Called with the size of each chunk read, for a progress bar. */
  onBytes?: (bytes: number) => void;
}

/**
 * Imports an XMLTV guide whole or not at all: it is read and checked completely before anything is
 * written, then written in one transaction. Any problem (malformed XML, a bad time, overlapping
 * programmes, an unknown channel) throws GuideErrors naming the lines, and the database is unchanged.
 */
export async function importXmltv(
  db: Database,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  try {
    const guide = checkGuide(await parseXmltv(source, options.onBytes));
    return await storeGuide(db, guide, options);
  } catch (error) {
    if (error instanceof XmltvError) throw new GuideErrors([error]);
    throw error;
  }
}

export { GuideErrors } from './guide';
export type { ImportReport } from './store-guide';
