export * from './method.ts';
export * from './routes.ts';
export * from './schemas/data.ts';
export * from './schemas/district.ts';
export * from './schemas/engine.ts';
export * from './schemas/error.ts';
export * from './schemas/import.ts';
export * from './schemas/query.ts';
