// Moved to @junheng/shared so that the server's reports name indicators as the screen does (issue #12).
export * from '@junheng/shared/charts/indicators.ts';
