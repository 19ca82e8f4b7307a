// ESLint flat config: typescript-eslint, react-hooks, and the engine's boundary rules.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const CORE_MESSAGE =
  'src/core is the engine: it must stay independent of React, three, zustand, the DOM and Node so it runs everywhere.'
const SCREENS_MESSAGE =
  'Screens do not run the engine: screens ask a store. See src/state/ (replay.ts for replays and the timeline, attemptStore.ts for live play, editorStore.ts and solveDraft.ts for the editor and its solver, appStore.ts to open a kept attempt, openScenarioFile.ts to load a scenario).'
// the engine's running functions, which only src/state and the CLI call
const ENGINE_RUNNERS = [
  'createStart',
  'applyInput',
  'step',
  'replayAttempt',
  'replayTo',
  'createReplayer',
  'scoreAttempt',
  'getResult',
  'loadScenario',
  'solve',
  'compileScenario',
  'validateScenario',
]
const CORE_INDEX_ONLY = {
  group: ['**/core/*', '!**/core/index.ts'],
  message: 'Import the engine only through src/core/index.ts.',
}
const CLOCK_MESSAGE =
  'The engine is deterministic: time comes in as event and tick times, never from a clock or a random generator.'

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'release/',
      'data/',
      '.bench/',
      'node_modules/',
      'coverage/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [
      'src/cli/**/*.ts',
      'tests/**/*.ts',
      'scripts/**/*.ts',
      'eslint.config.js',
      'vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // the service worker; the build fills in its two constants
    files: ['src/sw/serviceWorker.js'],
    languageOptions: {
      globals: { ...globals.serviceworker, __VERSION__: 'readonly', __PRECACHE__: 'readonly' },
    },
  },
  {
    // tests build broken scenarios by poking at plain JSON
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'fetch',
          'process',
          'require',
          'Buffer',
        ].map((name) => ({ name, message: CORE_MESSAGE })),
        ...['setTimeout', 'setInterval', 'requestAnimationFrame', 'performance'].map((name) => ({
          name,
          message: CLOCK_MESSAGE,
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: CLOCK_MESSAGE },
        {
          object: 'Date',
          property: 'parse',
          message:
            'Date.parse accepts 2026-02-30 and reads zone-less text as local time; use parseTimestamp.',
        },
        { object: 'Math', property: 'random', message: CLOCK_MESSAGE },
        { object: 'crypto', property: 'getRandomValues', message: CLOCK_MESSAGE },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
        // new Date(ms) of a number is allowed (export/time.ts writes timestamps with it); new Date()
        // reads the clock, and new Date(text) or of fields reads zone-less text as local time
        {
          selector:
            "NewExpression[callee.name='Date']:matches([arguments.length!=1], [arguments.0.type='TemplateLiteral'], [arguments.0.value=/./])",
          message: `${CLOCK_MESSAGE} Only new Date(ms) of a number is allowed; read text with parseTimestamp.`,
        },
      ],
    },
  },
  // relative imports that climb out of src/core, from its top folder and from its subfolders
  ...[
    ['src/core/*.ts', '../*'],
    ['src/core/*/*.ts', '../../*'],
  ].map(([files, climb]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'react-dom/*',
                'three',
                'three/*',
                '@react-three/*',
                'zustand',
                'zustand/*',
              ],
              message: CORE_MESSAGE,
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
              message: CORE_MESSAGE,
            },
            { group: [climb], message: 'Nothing in src/core imports from outside src/core.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/view/**/*.{ts,tsx}', 'src/state/**/*.ts', 'src/cli/**/*.ts', 'src/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_INDEX_ONLY] }] },
  },
  {
    // screens ask stores; stores run the engine (STYLE.md, "The seam")
    files: ['src/view/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            CORE_INDEX_ONLY,
            { group: ['**/core/index.ts'], importNames: ENGINE_RUNNERS, message: SCREENS_MESSAGE },
          ],
        },
      ],
    },
  },
)
