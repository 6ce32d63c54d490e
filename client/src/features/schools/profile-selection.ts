import type { ProfilePart, Stage } from '@junheng/shared';

/** The year the profile shows: the URL's when the school has statistics for it, else its latest year; null if none. */
export function resolveProfileYear(years: readonly number[], requested: number | null): number | null {
  if (requested !== null && years.includes(requested)) return requested;
  return years.length ? Math.max(...years) : null;
}

/**
 * The stage part the profile shows: the URL's stage when the school has that part in the year, else the first stage
 * it has that year (a junior school opened with the default `stage=primary` shows its junior part), else null.
 */
export function resolveProfileStage(
  parts: readonly Pick<ProfilePart, 'year' | 'stage'>[],
  year: number | null,
  requested: Stage,
): Stage | null {
  const stages = parts.filter((part) => part.year === year).map((part) => part.stage);
  if (stages.includes(requested)) return requested;
  return stages[0] ?? null;
}

export function findPart<P extends Pick<ProfilePart, 'year' | 'stage'>>(
  parts: readonly P[],
  year: number | null,
  stage: Stage | null,
): P | undefined {
  return parts.find((part) => part.year === year && part.stage === stage);
}

/** The stages the school has in a year, in the official order. */
export function stagesInYear(parts: readonly Pick<ProfilePart, 'year' | 'stage'>[], year: number | null): Stage[] {
  const order: Stage[] = ['primary', 'junior'];
  const present = new Set(parts.filter((part) => part.year === year).map((part) => part.stage));
  return order.filter((stage) => present.has(stage));
}
