import { type Kysely, sql } from 'kysely';

/**
 * Failed logins counted per (user name, address) and per user name across all addresses, in a table of their own:
 * names that do not exist are counted exactly like names that do (so a lock tells nothing), and each attempt is
 * counted by one atomic upsert before its password is checked. The per-user counters on app_user go.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    // lower-cased as typed at login, whether or not such a user exists.
    .addColumn('username', 'text', (c) => c.notNull())
    // The client's address (IPv6: its /56 network), or '*' for the account-wide count over all addresses.
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('login_throttle_pkey', ['username', 'address'])
    .execute();
  await db.schema
    .createIndex('login_throttle_last_attempt_idx')
    .on('login_throttle')
    .column('last_attempt_at')
    .execute();
  await db.schema.alterTable('app_user').dropColumn('failed_logins').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .execute();
  await db.schema.dropTable('login_throttle').execute();
}
