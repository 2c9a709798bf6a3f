// What the end-to-end tests share: a free port for a test's own server, and Debian's Chromium
// started headless with the flags this machine needs (no sandbox, no GPU, no network beyond it).
import net from 'node:net';
import { chromium } from 'playwright-core';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync'],
  });
}
