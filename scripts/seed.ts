// Loads the demo data into DATABASE_URL (idempotent: running it again changes nothing).
import { openNodeSource } from '../src/db/node-source';
import { relations } from '../src/modules';
import { seed } from '../src/seed/run';

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to the Postgres to seed; `npm start` seeds its embedded database by itself.');
  process.exit(1);
}
const source = await openNodeSource(relations);
try {
  const counts = await seed(source.admin);
  console.log(`seeded: ${JSON.stringify(counts)}`);
} finally {
  await source.close();
}
