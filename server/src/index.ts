export { createApp } from './app.ts';
export { loadConfig, type Config } from './config.ts';
export { loadDemoCountyIfEmpty } from './demo/load-demo-county.ts';
export { runImport } from './imports/imports.service.ts';
export { createLogger } from './logger.ts';
