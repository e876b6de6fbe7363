/** A postgres:// URL whose connections use `schema` first (libpq's options parameter). */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
