import { config } from 'zod/v4/core';

/**
 * The app's `zod`: the bundle resolves every `import … from 'zod'` (the client's and @junheng/shared's) to this module
 * (vite.config.ts), so jitless mode is set after zod has loaded and before any schema is built.
 *
 * Zod otherwise compiles fast object parsers with `new Function`, after probing whether eval is allowed. Under the app's
 * Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') the probe fails quietly but the browser still
 * reports a CSP violation on every page. Jitless mode skips both the probe and the compiler; parsing is the same.
 */
config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';
