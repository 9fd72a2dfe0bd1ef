/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  // PostgreSQL-only specs run in the PostgreSQL pass (jest.pg.config.js, `npm run test:pg`).
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/process/scale-out\\.e2e-spec\\.ts$',
    '/test/store/postgres/',
  ],
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // A worker that keeps each test file's module graph alive past the file (timers, sockets of
  // libraries) grows until V8's heap limit; past this size after a file, Jest starts a fresh one.
  // https://jestjs.io/docs/configuration#workeridlememorylimit-numberstring
  workerIdleMemoryLimit: '1536MB',
};
