import { z } from 'zod';
import { DistrictCodeSchema, TownshipCodeSchema } from './data.ts';

/** admin: users, imports, inputs, everything; analyst: read, export and what-if over the whole county; viewer: reads within townships. */
export const ROLES = ['admin', 'analyst', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  analyst: { zh: '分析员', en: 'Analyst' },
  viewer: { zh: '查看者', en: 'Viewer' },
};

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{2,64}$/;
export const UsernameSchema = z.string().trim().regex(USERNAME_PATTERN, '用户名为2–64位字母、数字或 _ . @ -');
export const PASSWORD_MIN_LENGTH = 10;
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位 / at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200);

/** A set of counties (a city's, say): at least one, at most a province's worth, no repeats. */
export const DistrictCodesSchema = z
  .array(DistrictCodeSchema)
  .min(1, '至少一个区县 / at least one county')
  .max(500)
  .transform((codes) => [...new Set(codes)].sort());

/**
 * What a user may see: null means no restriction at that level. `districtCodes` limits to a set of counties (one
 * county is a one-element set); a viewer always has townships.
 */
export const AccessScopeSchema = z.object({
  districtCodes: z.array(DistrictCodeSchema).nullable(),
  townships: z.array(TownshipCodeSchema).nullable(),
});
export type AccessScope = z.infer<typeof AccessScopeSchema>;

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: RoleSchema,
  /** The counties the user is limited to; null = every county. */
  districtCodes: z.array(DistrictCodeSchema).nullable(),
  townships: z.array(z.object({ code: z.string(), name: z.string() })).nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  /** Send back as the X-CSRF-Token header on every state-changing request made with the session cookie. */
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
  sessionExpiresAt: z.string().nullable(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const OkResponseSchema = z.object({ ok: z.literal(true) });

export const UserListResponseSchema = z.object({ users: z.array(UserSchema) });
export type UserListResponse = z.infer<typeof UserListResponseSchema>;

const scopeFields = {
  districtCodes: DistrictCodesSchema.nullable().default(null),
  townships: z.array(TownshipCodeSchema).max(200).nullable().default(null),
};

function viewerNeedsTownships(value: { role?: Role; townships?: string[] | null }, ctx: z.RefinementCtx) {
  if (value.role === 'viewer' && (!value.townships || value.townships.length === 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['townships'],
      message: '查看者必须限定至少一个乡镇 / a viewer needs townships',
    });
  }
}

export const CreateUserRequestSchema = z
  .object({ username: UsernameSchema, password: NewPasswordSchema, role: RoleSchema, ...scopeFields })
  .superRefine(viewerNeedsTownships);
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z
  .object({
    role: RoleSchema.optional(),
    districtCodes: DistrictCodesSchema.nullable().optional(),
    townships: z.array(TownshipCodeSchema).max(200).nullable().optional(),
    disabled: z.boolean().optional(),
    password: NewPasswordSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的字段 / nothing to change' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

/** Id of a serial column: a PostgreSQL integer, so at most 2^31 − 1; a larger one is bad input (400), not a 500. */
export const SerialIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const UserParamsSchema = z.object({ id: SerialIdSchema });
export const TokenParamsSchema = z.object({ id: SerialIdSchema });

export const ApiTokenSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  username: z.string(),
  name: z.string(),
  /** The first characters of the token, to recognise it; the token itself is never stored. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const TokenListQuerySchema = z.object({
  /** Admins: every user's tokens instead of only their own. */
  all: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const TokenListResponseSchema = z.object({ tokens: z.array(ApiTokenSchema) });
export const CreateTokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(80).default('script'),
  /** Admins only: create the token for this user instead of for themselves. */
  username: z.string().trim().min(1).max(64).optional(),
});
export const CreateTokenResponseSchema = z.object({
  token: ApiTokenSchema,
  /** Shown once: only its hash is stored. */
  secret: z.string(),
});
export type CreateTokenResponse = z.infer<typeof CreateTokenResponseSchema>;

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'import',
  'inputs_saved',
  'export_started',
  'export',
  'user_created',
  'user_updated',
  'token_created',
  'token_revoked',
  'saved_view_created',
  'saved_view_deleted',
  'note_created',
  'note_deleted',
  'import_settings_saved',
  'import_mapping_created',
  'import_mapping_updated',
  'import_mapping_deleted',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AUDIT_ACTION_LABELS: Record<AuditAction, { zh: string; en: string }> = {
  login: { zh: '登录', en: 'Login' },
  login_failed: { zh: '登录失败', en: 'Failed login' },
  logout: { zh: '退出', en: 'Logout' },
  import: { zh: '导入数据', en: 'Import' },
  inputs_saved: { zh: '保存县级填报', en: 'County inputs saved' },
  export_started: { zh: '开始导出', en: 'Export started' },
  export: { zh: '导出', en: 'Export' },
  user_created: { zh: '新建用户', en: 'User created' },
  user_updated: { zh: '修改用户', en: 'User changed' },
  token_created: { zh: '创建令牌', en: 'Token created' },
  token_revoked: { zh: '吊销令牌', en: 'Token revoked' },
  saved_view_created: { zh: '保存视图', en: 'View saved' },
  saved_view_deleted: { zh: '删除已保存视图', en: 'Saved view deleted' },
  note_created: { zh: '添加批注', en: 'Note added' },
  note_deleted: { zh: '删除批注', en: 'Note deleted' },
  import_settings_saved: { zh: '保存县级导入设置', en: 'County import settings saved' },
  import_mapping_created: { zh: '保存列对应预设', en: 'Column mapping saved' },
  import_mapping_updated: { zh: '修改列对应预设', en: 'Column mapping changed' },
  import_mapping_deleted: { zh: '删除列对应预设', en: 'Column mapping deleted' },
};

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  action: AuditActionSchema,
  /** What was acted on: a path, a user name, a district-year. */
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  action: AuditActionSchema.optional(),
  username: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
  before: SerialIdSchema.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  bom: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false'),
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
export const AuditResponseSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditResponse = z.infer<typeof AuditResponseSchema>;

/** What each role may do; the server enforces it, the client uses it to show only what works. */
export const PERMISSIONS = {
  read: ['admin', 'analyst', 'viewer'],
  whatIf: ['admin', 'analyst', 'viewer'],
  viewImports: ['admin', 'analyst'],
  importData: ['admin'],
  editInputs: ['admin'],
  /** Notes (批注) on a county-year, school or indicator; everyone who may see the target reads them. */
  writeNotes: ['admin', 'analyst'],
  manageUsers: ['admin'],
  viewAudit: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
