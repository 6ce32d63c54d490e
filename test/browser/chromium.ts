import fs from 'node:fs';

/** Debian's Chromium (browser downloads are impossible here); CHROMIUM_PATH overrides. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && fs.existsSync(p as string));
}
