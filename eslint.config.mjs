// ESLint flat config in the NestJS style: typescript-eslint recommended + Prettier.
import eslint from '@eslint/js';
import prettierRecommended from 'eslint-plugin-prettier/recommended';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'eslint.config.mjs', 'jest.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettierRecommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest }, sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A statement kept prepared runs at once, even inside a script's failed transaction: only
    // PreparedStatements keeps them, for statements run under the write lock while scripts
    // hold it exclusively (see src/store/write-lock.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/store/sqlite/sqlite-prepared-statements.ts', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message:
            'No prepared statements on the SQLite connection outside PreparedStatements (src/store/sqlite/sqlite-prepared-statements.ts, src/store/write-lock.ts).',
        },
      ],
    },
  },
  {
    // The dashboard runs in the browser as ES modules (ui/, built by Vite).
    files: ['ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'module' },
  },
  {
    files: ['scripts/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
