// Moved to @junheng/shared so that the server's reports format numbers as the screen does (issue #12).
export * from '@junheng/shared/charts/format.ts';
