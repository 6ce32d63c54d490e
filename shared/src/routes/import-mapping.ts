import {
  ImportInspectionSchema,
  ImportMappingInputSchema,
  ImportMappingListSchema,
  ImportMappingParamsSchema,
  ImportMappingSchema,
} from '../schemas/import-mapping.ts';
import { DeletedResponseSchema } from '../schemas/notes.ts';
import type { RouteDefinition } from './types.ts';

/** The column-mapping step of the import (issue #13 point 3): inspect unrecognised tables, named mapping presets. */
export const importMappingRoutes = {
  inspectImportFiles: {
    method: 'POST',
    path: '/api/v1/imports/inspect',
    response: ImportInspectionSchema,
    summary:
      '检查上传的文件（multipart，字段 files，限制同导入）：是否能识别（模板或其他来源格式、已保存的列对应）；不能识别的给出表头树（多行合并表头 → 路径）、前 10 行样本和建议的列对应。不写入任何数据 / Inspect uploaded files: recognised or not; for an unrecognised table its header tree, 10 sample rows and a suggested column mapping',
  },
  listImportMappings: {
    method: 'GET',
    path: '/api/v1/import-mappings',
    response: ImportMappingListSchema,
    summary: '列对应预设：用户范围内区县的预设（名称、数据类型、表头签名、列 → 字段、首个数据行、区县、创建人与时间）',
  },
  createImportMapping: {
    method: 'POST',
    path: '/api/v1/import-mappings',
    body: ImportMappingInputSchema,
    response: ImportMappingSchema,
    summary:
      '保存列对应预设（可导入数据的用户）：之后导入表头相同的文件时自动套用；区县须在用户范围内，同一区县内名称不能重复（409）',
  },
  updateImportMapping: {
    method: 'PUT',
    path: '/api/v1/import-mappings/:id',
    params: ImportMappingParamsSchema,
    body: ImportMappingInputSchema,
    response: ImportMappingSchema,
    summary: '修改列对应预设（可导入数据的用户，范围内的预设）',
  },
  deleteImportMapping: {
    method: 'DELETE',
    path: '/api/v1/import-mappings/:id',
    params: ImportMappingParamsSchema,
    response: DeletedResponseSchema,
    summary: '删除列对应预设（可导入数据的用户，范围内的预设）',
  },
} as const satisfies Record<string, RouteDefinition>;
