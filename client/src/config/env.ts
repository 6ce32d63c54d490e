import { z } from 'zod';

/**
 * Build-time settings (Vite `VITE_*`). The API is served from the same origin by default (the server serves the
 * client), so the base URL is empty unless the client is hosted elsewhere.
 */
const EnvSchema = z.object({
  VITE_API_BASE_URL: z
    .string()
    .regex(/^(https?:\/\/[^\s]+)?$/, 'VITE_API_BASE_URL must be empty or an http(s) URL')
    .default('')
    .transform((url) => url.replace(/\/+$/, '')),
});

const parsed = EnvSchema.safeParse(import.meta.env);
if (!parsed.success) {
  console.error('Invalid client environment', parsed.error.issues);
}

export const env = Object.freeze(parsed.success ? parsed.data : { VITE_API_BASE_URL: '' });
