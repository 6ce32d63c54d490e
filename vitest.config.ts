import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: 'shared', include: ['src/**/*.test.ts'] } },
      { test: { name: 'db', root: 'db', include: ['src/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'server', root: 'server', include: ['src/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'client', root: 'client', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] } },
      {
        test: {
          name: 'test',
          root: 'test',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**', 'browser/**'],
          globalSetup: ['./global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          root: 'test/browser',
          include: ['**/*.test.ts'],
          globalSetup: ['./global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
