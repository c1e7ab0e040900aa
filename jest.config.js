// Nest 12 ships ES modules; swc compiles them (and our TypeScript) to CommonJS for jest on Node 20.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/projections', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uid|load-esm|file-type|jose|content-disposition|glob|minimatch|path-scurry|lru-cache|minipass|jackspeak|@isaacs|package-json-from-dist)/)',
  ],
  // Read models on FerretDB (SUARA_E2E_ON_MONGO, as CI runs) answer more slowly than the embedded store.
  testTimeout: process.env.SUARA_E2E_ON_MONGO === 'true' ? 60000 : 30000,
  // Never in band (jest runs in band when it would use one worker, as on 2 cores): every suite starts whole apps,
  // and what each leaves behind would pile up in one process until its heap runs out. Workers are recycled instead.
  maxWorkers: 2,
  workerIdleMemoryLimit: '700MB',
  // Builds the web app first when browser suites run and its sources changed (test/browser/support/).
  globalSetup: '<rootDir>/test/browser/support/global-setup.ts',
};
