// Moved to @junheng/shared so that the server renders report charts with the same theme (issue #12).
export * from '@junheng/shared/charts/chart-theme.ts';
