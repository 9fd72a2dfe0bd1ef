import { createTestDatabase } from '../helpers/pg-database';

/** Jest globalSetup for the PostgreSQL pass: one fresh database per run, shared by the workers. */
export default async function globalSetup(): Promise<void> {
  const url = await createTestDatabase();
  // Set before the workers start, so they inherit it (test-app.ts reads it).
  process.env.TEST_DATABASE_URL = url;
  process.stdout.write(`\nPostgreSQL test database: ${url}\n`);
}
