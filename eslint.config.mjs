import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'libs/database/src/migrations/*-*.ts', 'apps/console/src/api/schema.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'error',
      // A lib is reached only through its index.ts; tools/check-lib-graph.mjs (run by `npm run lint`)
      // also catches relative paths into another lib, imports against the layer order and cycles.
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@app/*/**'], message: "Import the lib through its index ('@app/<lib>'); export what you need from libs/<lib>/src/index.ts." }],
      }],
    },
  },
);
