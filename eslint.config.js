// ESLint flat config (issue #2). Type-aware typescript-eslint for TS, react-hooks for components,
// and boundary rules that keep src/domain and src/workers free of UI and map libraries.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Libraries that only the adapters (src/map, src/ui, src/app, src/state) may use. */
const UI_AND_MAP_LIBRARIES = [
  'react',
  'react-dom',
  'maplibre-gl',
  '@vis.gl/react-maplibre',
  'zustand',
  'd3-selection',
];
const MAP_LIBRARIES = ['maplibre-gl', '@vis.gl/react-maplibre'];

/** `no-restricted-imports` options banning each package and its sub-paths. */
function banImports(packages, message) {
  return [
    'error',
    {
      paths: packages.map((name) => ({ name, message })),
      patterns: [{ group: packages.map((name) => `${name}/*`), message }],
    },
  ];
}

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'public/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'tests/e2e/artifacts/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['data/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Boundaries. Later blocks override earlier ones for the same rule, so the strictest comes last.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/map/**'],
    rules: {
      'no-restricted-imports': banImports(
        MAP_LIBRARIES,
        'Only src/map may import MapLibre; go through the map adapter.',
      ),
    },
  },
  {
    files: ['src/domain/**/*.{ts,tsx}', 'src/workers/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': banImports(
        UI_AND_MAP_LIBRARIES,
        'src/domain and src/workers are plain TypeScript: no React, MapLibre, zustand or d3-selection.',
      ),
    },
  },
);
