import pg from 'pg';

// Prisma's WebAssembly schema engine reads catalog columns of type `name` (OID 19) and `"char"` (OID 18),
// which @prisma/adapter-pg 6.19 refuses to deserialise. Reporting them as text (OID 25) lets
// `prisma migrate deploy` run through the adapter. Only the CLI needs this; the app uses a plain pool.
const CATALOG_TYPES = new Set([18, 19]);
const TEXT_OID = 25;

export class CatalogSafePool extends pg.Pool {
  // pg's overloads make an exact override signature impractical; the result is patched and passed on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === 'function') {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) {
          if (CATALOG_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
        }
        return res;
      });
    }
    return result;
  }
}
