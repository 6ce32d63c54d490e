import type { Migration } from 'kysely/migration';
import * as createCoreTables from './2026_11_24_0700_create_core_tables.ts';
import * as createAuthTables from './2026_11_24_1000_create_auth_tables.ts';
import * as classSizePerStage from './2026_12_06_0300_class_size_per_stage.ts';
import * as loginThrottle from './2026_12_06_0500_login_throttle.ts';
import * as rotationTeacherUniquePerCounty from './2026_12_06_0600_rotation_teacher_unique_per_county.ts';
import * as createSavedViewsAndNotes from './2026_12_06_0800_create_saved_views_and_notes.ts';
import * as countyInputEnteredBy from './2026_12_07_0100_county_input_entered_by.ts';
import * as multiCountyScope from './2026_12_07_0200_multi_county_scope.ts';
import * as countyImportSettings from './2026_12_07_0300_county_import_settings.ts';
import * as importMapping from './2026_12_07_0600_import_mapping.ts';
import * as valueSources from './2026_12_07_0700_value_sources.ts';
import * as schoolEvents from './2026_12_07_0800_school_events.ts';
import * as countyQualitySums from './2026_12_07_0900_county_quality_sums.ts';

/** Every migration, by name. Listed statically so the same code runs under tsx, Vitest and a bundler. */
export const migrations: Record<string, Migration> = {
  '2026_11_24_0700_create_core_tables': createCoreTables,
  '2026_11_24_1000_create_auth_tables': createAuthTables,
  '2026_12_06_0300_class_size_per_stage': classSizePerStage,
  '2026_12_06_0500_login_throttle': loginThrottle,
  '2026_12_06_0600_rotation_teacher_unique_per_county': rotationTeacherUniquePerCounty,
  '2026_12_06_0800_create_saved_views_and_notes': createSavedViewsAndNotes,
  '2026_12_07_0100_county_input_entered_by': countyInputEnteredBy,
  '2026_12_07_0200_multi_county_scope': multiCountyScope,
  '2026_12_07_0300_county_import_settings': countyImportSettings,
  '2026_12_07_0800_school_events': schoolEvents,
  '2026_12_07_0900_county_quality_sums': countyQualitySums,
  '2026_12_07_0700_value_sources': valueSources,
  '2026_12_07_0600_import_mapping': importMapping,
};
