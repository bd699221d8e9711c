// Applies the migrations in drizzle/ to DATABASE_URL (a local Postgres or Neon).
import { openNodeSource } from '../src/db/node-source';
import { relations } from '../src/modules';

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to the Postgres to migrate (for Neon: its direct, unpooled connection string).');
  process.exit(1);
}
const source = await openNodeSource(relations);
await source.close();
console.log('migrations applied');
