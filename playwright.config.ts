import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4329);

/**
 * End-to-end tests against the built site (`npm run build` first; `npm test` does), in Debian's
 * Chromium: Playwright's own browser download is not available on our machines.
 * CHROMIUM_PATH overrides where the browser is.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  ...(process.env.CI ? { workers: 2 } : {}),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    // The reference server, as `npm start` runs it, on the test build and a fresh in-memory database,
    // with the test-only fault switch (X-Test-Fault) so tests can provoke failures.
    command: 'node src/server/main.ts',
    env: {
      PORT: String(port),
      SITE_DIR: 'dist-test',
      ACCOUNTS_DB: ':memory:',
      API_LOG: '0',
      API_FAULTS: '1',
      CORS_ORIGINS: `http://localhost:${port}`,
    },
    url: `http://127.0.0.1:${port}/en/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
