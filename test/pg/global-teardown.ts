import { dropTestDatabase } from '../helpers/pg-database';

/** Jest globalTeardown for the PostgreSQL pass: drop the run's database. */
export default async function globalTeardown(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) await dropTestDatabase(url);
}
