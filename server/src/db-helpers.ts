import type { Database } from '@junheng/db';
import type { Locale } from '@junheng/shared';
import { type ExpressionBuilder, sql } from 'kysely';

/** Which schools a query may see: the district, and optionally townships, urban–rural classes and school groups. */
export interface SchoolScope {
  districtCode: string;
  townships?: readonly string[];
  locales?: readonly Locale[];
  groups?: readonly string[];
}

const LOCALE_CODE_PREFIX: Record<Locale, string> = { urban: '11', town: '12', rural: '2' };

/**
 * The one predicate that limits a query to a scope of schools (alias `school`). Every repository that reads
 * school-level data goes through it, so a filter or an access scope cannot be forgotten on one path.
 */
export function inSchoolScope(scope: SchoolScope) {
  return (eb: ExpressionBuilder<Database & { school: Database['school'] }, 'school'>) => {
    const conditions = [eb('school.district_code', '=', scope.districtCode)];
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
