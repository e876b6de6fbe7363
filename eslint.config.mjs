// ESLint (flat config): typescript-eslint, Lit, web components, lit-a11y, and the code-style rules of CONTRIBUTING.md.
// Formatting is Prettier's job (`npm run format`); no rule here fights it.
import Module from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

// typescript-eslint parses with TypeScript's compiler API, which the project's TypeScript 7 (the native `tsc`)
// no longer exports; it gets TypeScript 5's, installed as `typescript-api`. Must run before typescript-eslint loads.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'typescript' ? 'typescript-api' : request, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');

const browserCode = ['src/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts', 'test/**/*.ts'];
// Node scripts that drive Chromium: the functions they hand to page.evaluate() run in the page.
const pageDrivers = ['test/**/*.mjs', 'bench/**/*.mjs', 'bench/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'storybook-static/', 'bench/results/', 'custom-elements.json', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }], // `x == null` is the one loose comparison: null or undefined
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // An interface that only extends is how a lazy chunk declares the message keys it adds.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'always' }],
    },
  },
  {
    // Tests poke at globals and prototypes on purpose (hostile pages).
    files: ['**/*.test.ts', 'server/test/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: browserCode,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: pageDrivers,
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement', 'SolidarityElement'] } },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    // A source module says one thing: past ~350 lines of code it says several (tests may be longer).
    files: ['src/**/*.ts', 'server/**/*.ts'],
    ignores: ['**/*.test.ts', 'server/test/**'],
    rules: { 'max-lines': ['error', { max: 350, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['**/*.test.ts', '**/*.test.mjs', 'test/**'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
