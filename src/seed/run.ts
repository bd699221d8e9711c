import type { Database } from '../db/database';
import { modules } from '../modules';
import type { SeedOptions, SeedReport, SeedRun } from '../shared/seed';

export type { SeedOptions } from '../shared/seed';

type Seeder = (db: Database, run: SeedRun) => Promise<SeedReport>;

/**
 * A module's demo data lives beside it in `src/modules/<name>/seed.ts` (Node only: it never
 * reaches the Worker's bundle), found by the module's name: a new module seeds by adding the file.
 */
async function seederOf(name: string): Promise<Seeder | null> {
  try {
    const loaded = (await import(`../modules/${name}/seed.ts`)) as { seed?: Seeder };
    return loaded.seed ?? null;
  } catch (error) {
    if (
      (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' ||
      /Cannot find module|Failed to load|Unknown variable dynamic import|Module not found in bundle/.test(String(error))
    )
      return null;
    throw error;
  }
}

/**
 * Writes every module's demo data, in the order of the module list (a module after those it uses),
 * in one transaction: a failed seed leaves the database as it was. Idempotent: everything is
 * upserted by its natural key.
 */
export async function seed(db: Database, options: SeedOptions = {}): Promise<SeedReport> {
  const seeders = await Promise.all(modules.map(async (module) => seederOf(module.name)));
  return db.transaction(async (tx) => {
    const report: SeedReport = {};
    const run: SeedRun = { options, written: {} };
    for (const seeder of seeders) if (seeder) Object.assign(report, await seeder(tx, run));
    return report;
  });
}
