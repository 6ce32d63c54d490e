/** Names derived from TEST_DATABASE_URL so parallel CI runs on one server never share databases. */
export function templateDatabaseName(url: string): string {
  return `${databaseOf(url)}_template`;
}

export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** The maintenance database on the same server, to create and drop others from. */
export function adminUrlFor(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
