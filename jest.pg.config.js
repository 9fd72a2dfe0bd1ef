/**
 * The PostgreSQL pass: the end-to-end suite again, on a fresh database made by globalSetup
 * (dropped by globalTeardown), plus the PostgreSQL-only scale-out test. Unit specs under src/
 * run once, in the SQLite pass, as do the specs that pin a SQLite file.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testRegex: '.*\\.e2e-spec\\.ts$',
  // These pin a SQLite file (process restarts, kill -9 on one file): SQLite pass only. The
  // broker specs test what reaches the brokers, which the engine does not change.
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/brokers/',
    '/test/ui/',
    '/test/process/gateway-process\\.e2e-spec\\.ts$',
    // Start-up failures: the built gateway on SQLite files and closed ports, engine-free.
    '/test/process/startup-failures\\.e2e-spec\\.ts$',
    '/test/security/abuse\\.e2e-spec\\.ts$',
    '/test/store/sqlite/',
  ],
  globalSetup: '<rootDir>/test/pg/global-setup.ts',
  globalTeardown: '<rootDir>/test/pg/global-teardown.ts',
};
