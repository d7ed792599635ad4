/**
 * Answers kept in memory and served while a stamp still matches: the caller reads the stamp — a cheap query off
 * indexes whose result changes whenever the answer would — and the answer is built again only when it has changed, so
 * it is never older than the data, on any number of instances. Kept per database handle (a process may hold several;
 * the tests do) and per key, at most `maxPerDb` keys, the least recently used dropped first.
 */
export function stampedCache<V>(maxPerDb: number) {
  const byDb = new WeakMap<object, Map<string, { stamp: string; value: V }>>();
  return async (db: object, key: string, stamp: string, build: () => Promise<V>): Promise<V> => {
    let entries = byDb.get(db);
    if (!entries) byDb.set(db, (entries = new Map()));
    const hit = entries.get(key);
    entries.delete(key);
    if (hit?.stamp === stamp) {
      entries.set(key, hit);
      return hit.value;
    }
    const value = await build();
    entries.set(key, { stamp, value });
    if (entries.size > maxPerDb) entries.delete(entries.keys().next().value!);
    return value;
  };
}
