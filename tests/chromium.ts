/**
 * How our tests and scripts start Chromium: Debian's browser (Playwright's own download is not
 * available on our machines; CHROMIUM_PATH points elsewhere), with the background services off
 * that would otherwise call out to a network we do not have.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
