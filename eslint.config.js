// @ts-check
// ESLint for TypeScript and Astro files: the recommended rules of both, over
// everything but generated output. Formatting is Prettier's (see .prettierrc).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist',
      'dist.*/',
      '**/*.cache/',
      '*.build-fresh/',
      '*.builds/',
      '*.build-previous/',
      'slices/',
      '.astro/',
      'node_modules/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // A leading underscore names what is destructured only to be left out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
);
