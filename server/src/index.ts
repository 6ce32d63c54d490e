export { createApp } from './app.ts';
export {
  type AuthSettings,
  authenticateSession,
  createApiToken,
  createUser,
  ensureInitialAdmin,
  login,
} from './auth/auth.service.ts';
export { hashPassword, SCRYPT_PARAMS, verifyPassword } from './auth/password.ts';
export { getBalance } from './balance/balance.service.ts';
export { refreshCountyQualitySums } from './balance/balance-summary.repository.ts';
export { getBalanceSummary } from './balance/balance-summary.service.ts';
export { findDataVersion } from './cache/report-cache.repository.ts';
export { type Config, loadConfig } from './config.ts';
export { findRotations, findSchools, findStats, replaceCountyInputs } from './county/county.repository.ts';
export { toScope } from './county/county.service.ts';
export { UNRESTRICTED_ACCESS } from './db-helpers.ts';
export { loadDemoCountyIfEmpty } from './demo/load-demo-county.ts';
export { applyDataset, type ImportValidator, runImport, validateOnThisThread } from './imports/imports.service.ts';
export type { ContextRequest, ImportContext } from './imports/validate-import.ts';
export { createLogger } from './logger.ts';
export { PlannerStatisticsRefresher, refreshPlannerStatistics } from './maintenance/planner-statistics.ts';
