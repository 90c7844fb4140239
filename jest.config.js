// One jest run covers every package. Tests import sibling packages by name; the mapper points those names at
// the TypeScript sources so `npm test` needs no build first.
const swcOptions = {
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    // Nest's dependency injection reads constructor parameter types from decorator metadata.
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
  },
  module: { type: 'es6' },
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', swcOptions] },
  moduleNameMapper: {
    '^@sessionops/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs}/*/{src,test}/**/*.{spec,test}.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Each test file starts its own private redis-server; two workers match this machine's two cores.
  maxWorkers: 2,
  testTimeout: 30_000,
};
