export * from './create-db.ts';
export * from './migrate.ts';
export type * from './schema.ts';
