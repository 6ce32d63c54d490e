export * from './create-db.ts';
export * from './demo/export-csv.ts';
export * from './demo/generate-demo-county.ts';
export * from './migrate.ts';
export type * from './schema.ts';
