import type { RouteDefinition } from './types.ts';

/** Scorecard and county-year inputs, distance to pass, what-if. */
export const planningRoutes = {} as const satisfies Record<string, RouteDefinition>;
