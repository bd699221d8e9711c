import type { Database } from '../../../db/database';
import { validateManifest } from './manifest';
import { folderFiles, readManifestFile } from './read-folder';
import { type ImportResult, writeIssue } from './write-issue';

export interface ImportOptions {
  /** The URL the folder's files are served from, when the manifest does not say. */
  assetBase?: string;
  /** Check everything, the database's side included, and write nothing. */
  dryRun?: boolean;
}

/**
 * `npm run import:edition -- DIR`: the issue described by DIR/manifest.json and the files beside
 * it, validated whole, then written in one transaction. Throws a ManifestError naming every
 * problem (nothing written).
 */
export async function importEditionFolder(
  db: Database,
  dir: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const issue = validateManifest(readManifestFile(dir), { files: folderFiles(dir), assetBase: options.assetBase });
  return writeIssue(db, issue, { dryRun: options.dryRun });
}
