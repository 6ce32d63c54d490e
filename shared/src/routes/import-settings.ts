import { CountyImportSettingsResponseSchema, CountyImportSettingsUpdateSchema } from '../schemas/import-settings.ts';
import { DistrictParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** Per-county import settings (issue #13): 教学点 merged or kept, rotation eligibility years. */
export const importSettingsRoutes = {
  getImportSettings: {
    method: 'GET',
    path: '/api/v1/districts/:code/import-settings',
    params: DistrictParamsSchema,
    response: CountyImportSettingsResponseSchema,
    summary: '县级导入设置：不计校数的教学点并入主校或保留；交流轮岗应交流年限',
  },
  putImportSettings: {
    method: 'PUT',
    path: '/api/v1/districts/:code/import-settings',
    params: DistrictParamsSchema,
    body: CountyImportSettingsUpdateSchema,
    response: CountyImportSettingsResponseSchema,
    summary: '保存县级导入设置（仅管理员；在其可管理的区县内）',
  },
} as const satisfies Record<string, RouteDefinition>;
