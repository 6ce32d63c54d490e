import type { Database } from '@junheng/db';
import type { AccessScope, Locale } from '@junheng/shared';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';

/** Which schools a query may see: the district, and optionally townships, urban–rural classes and school groups. */
export interface SchoolScope {
  districtCode: string;
  /** What the signed-in user may see. Required, so that no query can be built without saying whose it is. */
  access: AccessScope;
  townships?: readonly string[];
  locales?: readonly Locale[];
  groups?: readonly string[];
}

const LOCALE_CODE_PREFIX: Record<Locale, string> = { urban: '11', town: '12', rural: '2' };

/** Everyone: scripts run from the CLI on the server itself, and the start-up demo load. */
export const UNRESTRICTED_ACCESS: AccessScope = Object.freeze({ districtCodes: null, townships: null });

export function isRestricted(access: AccessScope): boolean {
  return access.districtCodes !== null || access.townships !== null;
}

/** Whether the access scope lets its holder see this county at all (before any township limit). */
export function isDistrictInAccess(access: AccessScope, code: string): boolean {
  return access.districtCodes === null || access.districtCodes.includes(code);
}

type SchoolExpressionBuilder = ExpressionBuilder<Database & { school: Database['school'] }, 'school'>;

/** The access part alone (alias `school`), for queries that span districts: the balance summary, bulk exports. */
export function inAccessScope(access: AccessScope) {
  return (eb: SchoolExpressionBuilder) => {
    const conditions = [];
    // An empty set matches nothing, like townships (the database forbids one; this is defence in depth).
    if (access.districtCodes !== null) {
      conditions.push(
        access.districtCodes.length > 0 ? eb('school.district_code', 'in', [...access.districtCodes]) : eb.lit(false),
      );
    }
    // An empty list matches nothing (never "everything"): a viewer whose townships were all removed sees no school.
    if (access.townships !== null) {
      conditions.push(
        access.townships.length > 0 ? eb('school.township_code', 'in', [...access.townships]) : eb.lit(false),
      );
    }
    return eb.and(conditions);
  };
}

/**
 * The one predicate that limits a query to a scope of schools (alias `school`). Every repository that reads
 * school-level data goes through it, so neither a filter nor the user's access scope can be forgotten on one path.
 */
export function inSchoolScope(scope: SchoolScope) {
  return (eb: SchoolExpressionBuilder) => {
    const conditions = [eb('school.district_code', '=', scope.districtCode), inAccessScope(scope.access)(eb)];
    if (scope.townships && scope.townships.length > 0) {
      conditions.push(eb('school.township_code', 'in', [...scope.townships]));
    }
    if (scope.locales && scope.locales.length > 0) {
      conditions.push(
        eb.or(scope.locales.map((l) => eb('school.urban_rural_code', 'like', `${LOCALE_CODE_PREFIX[l]}%`))),
      );
    }
    if (scope.groups && scope.groups.length > 0) {
      conditions.push(eb('school.group_name', 'in', [...scope.groups]));
    }
    return eb.and(conditions);
  };
}

export const countInt = () => sql<number>`count(*)::int`;

/**
 * A `years(year)` CTE of the statistics years present anywhere, walked on the year index (one probe per year, not one
 * row per school-year), for the queries that list which years a district has.
 */
export function withYearsPresent(db: Kysely<Database>) {
  return db.withRecursive('years(year)', (qb) =>
    qb
      .selectFrom('school_year_stat')
      .select((eb) => eb.fn.min<number | null>('year').as('year'))
      .unionAll((union) =>
        union
          .selectFrom('years')
          .select((eb) =>
            eb
              .selectFrom('school_year_stat as later')
              .select((later) => later.fn.min('later.year').as('year'))
              .whereRef('later.year', '>', 'years.year')
              .as('year'),
          )
          .where('years.year', 'is not', null),
      ),
  );
}
