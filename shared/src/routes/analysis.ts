import type { RouteDefinition } from './types.ts';

/** Urban–rural, decomposition, equity, teacher exchange, trends and school profiles. */
export const analysisRoutes = {} as const satisfies Record<string, RouteDefinition>;
