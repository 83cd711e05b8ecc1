/**
 * How every browser test here launches Chromium: Debian's build (Playwright
 * cannot download its own on these machines), quiet, and offline.
 */
export const debianChromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
}
