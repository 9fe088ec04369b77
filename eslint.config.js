// Lint rules, including the module boundaries of docs/architecture (engine pure, sites only engine types, components free of messaging/storage/sites, entrypoints independent).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const entrypointZones = ['background.ts', 'helpdesk.content', 'sidepanel', 'options'].map((name, _, all) => ({
  target: `./entrypoints/${name}`,
  from: all.filter((other) => other !== name).map((other) => `./entrypoints/${other}`),
  message: 'Entrypoints never import each other: move the shared piece to components/ or utils/.',
}));

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'dist/', 'demo/dist/', 'coverage/', 'engine/tables/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './engine',
              from: [
                './entrypoints',
                './components',
                './sites',
                './utils',
                './cli',
                './content',
                './composer',
                './library',
              ],
              message: 'The engine is pure TypeScript: it imports only its own files and its libraries.',
            },
            {
              target: './components',
              from: [
                './sites',
                './entrypoints',
                './content',
                './composer',
                './library',
                './utils/messaging.ts',
                './utils/storage.ts',
              ],
              message: 'Components take props and give callbacks: no messaging, storage or sites inside.',
            },
            {
              target: './sites',
              from: [
                './entrypoints',
                './components',
                './content',
                './composer',
                './library',
                './utils/messaging.ts',
                './utils/storage.ts',
              ],
              message: 'Site adapters only read the page: they import engine types, nothing of the extension.',
            },
            {
              target: './content',
              from: './composer',
              except: ['./index.ts'],
              message: 'The content runtime uses composer/ through composer/index.ts only.',
            },
            {
              target: './content',
              from: ['./entrypoints', './library'],
              message: 'The content runtime imports no library or entrypoint code.',
            },
            {
              target: './composer',
              from: ['./entrypoints', './components', './content', './library'],
              message:
                'Insertion stands alone: it imports site types and the engine, nothing of the runtimes above it.',
            },
            {
              target: './library',
              from: ['./entrypoints', './components', './content', './composer'],
              message:
                'The library (packs, subscriptions, policy, site access) serves background and options; it imports no runtime above it.',
            },
            {
              target: './utils',
              from: ['./entrypoints', './components', './content', './composer', './library'],
              message: 'utils/ holds the few pieces every runtime shares: it imports none of them.',
            },
            // Outside code reaches the engine through its entries: index.ts (runtimes), packs.ts (pack files), types.ts,
            // and default-packs.ts (the shipped packs).
            ...[
              './content',
              './composer',
              './library',
              './utils',
              './components',
              './entrypoints',
              './sites',
              './cli',
            ].map((target) => ({
              target,
              from: './engine',
              except: ['./index.ts', './packs.ts', './types.ts', './default-packs.ts'],
              message: 'Import the engine through engine/index.ts or engine/packs.ts (types from engine/types.ts).',
            })),
            // Tools (the browser harness that tests, scripts and benches share) and tests are never part of the product.
            ...[
              './engine',
              './sites',
              './content',
              './composer',
              './library',
              './utils',
              './components',
              './entrypoints',
              './cli',
            ].map((target) => ({
              target,
              from: ['./tools', './tests', './scripts', './bench'],
              message: 'Product code never imports tools, tests, scripts or benches.',
            })),
            ...entrypointZones,
          ],
        },
      ],
    },
  },
  {
    // Pack text and page text are data: product code never parses a string as HTML (the panel, the options page and the
    // inline layer render text nodes only). Tests and the demo page may build fixtures with markup.
    files: [
      'engine/**/*.{ts,tsx}',
      'sites/**/*.ts',
      'utils/**/*.ts',
      'components/**/*.tsx',
      'entrypoints/**/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML'].map((property) => ({
          property,
          message: 'Set textContent or build nodes: text from packs and pages is never HTML.',
        })),
        { property: 'insertAdjacentHTML', message: 'Build nodes instead: text from packs and pages is never HTML.' },
        { object: 'document', property: 'write', message: 'Never write markup into a page.' },
        { property: 'createContextualFragment', message: 'Never parse strings as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render pack and page text as text, never as HTML.',
        },
      ],
    },
  },
  {
    // Sites may import only *types* from the engine.
    files: ['sites/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../engine/*', '../engine'],
              allowTypeImports: true,
              message: 'Sites import only engine types (import type …).',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine runs in the content script, the panel and the command line: no DOM, no browser API.
    files: ['engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'browser',
        'chrome',
        'navigator',
        'localStorage',
        'fetch',
      ],
      'no-restricted-imports': ['error', { patterns: ['wxt', 'wxt/*', 'preact', 'preact/*', 'node:*'] }],
    },
  },
);
