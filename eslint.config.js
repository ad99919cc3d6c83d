// ESLint flat config. Type-aware typescript-eslint for TS, react-hooks for components,
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

const SRC_FOLDERS = ['domain', 'data', 'workers', 'i18n', 'state', 'map', 'charts', 'ui', 'app'];

/**
 * What each folder of src/ must not import: the src/ folders above it, and the listed packages.
 * `folders` lists the src/ folders it may import besides itself.
 */
const LAYERS = {
  domain: { folders: [], packages: UI_AND_MAP_LIBRARIES },
  data: { folders: ['domain'], packages: UI_AND_MAP_LIBRARIES },
  workers: { folders: ['domain'], packages: UI_AND_MAP_LIBRARIES },
  i18n: { folders: ['domain'], packages: MAP_LIBRARIES },
  state: { folders: ['domain', 'data', 'workers', 'i18n'], packages: MAP_LIBRARIES },
  map: { folders: ['domain', 'data', 'state', 'i18n'], packages: [] },
  charts: { folders: ['domain', 'data', 'state', 'i18n'], packages: MAP_LIBRARIES },
  ui: { folders: ['domain', 'data', 'workers', 'i18n', 'state', 'map', 'charts'], packages: MAP_LIBRARIES },
  app: { folders: SRC_FOLDERS.filter((f) => f !== 'app'), packages: MAP_LIBRARIES },
};

/** `no-restricted-imports` options for one src/ folder (see LAYERS). */
function layerRule(layer, allowed, packages) {
  const banned = SRC_FOLDERS.filter((f) => f !== layer && !allowed.includes(f));
  const message = `src/${layer} may import only ${[layer, ...allowed].map((f) => `src/${f}`).join(', ')}${
    packages.length ? ` and no ${packages.join(', ')}` : ''
  } (see CONTRIBUTING.md, "Layers").`;
  return [
    'error',
    {
      paths: packages.map((name) => ({ name, message })),
      patterns: [
        ...(packages.length ? [{ group: packages.map((name) => `${name}/*`), message }] : []),
        ...(banned.length ? [{ group: banned.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message }] : []),
      ],
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
  // Boundaries: each folder of src/ may import only the packages and the folders below it
  // (domain <- data, workers, i18n <- state <- map, charts <- ui <- app; i18n, the words and number
  // formats, uses only the domain). One rule entry per folder, because a later block replaces an earlier one's rule.
  ...Object.entries(LAYERS).map(([layer, { folders, packages }]) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': layerRule(layer, folders, packages) },
  })),
);
