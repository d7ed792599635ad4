/** A small promise wrapper around one IndexedDB object store (no dependency). */
export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  all(): Promise<T[]>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(dbName: string, storeName: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB blocked by another tab'));
  });
}

export function createStore<T>(dbName: string, storeName: string): KeyValueStore<T> {
  let db: Promise<IDBDatabase> | null = null;
  const conn = () => {
    db ??= openDb(dbName, storeName).catch((e: unknown) => {
      db = null;
      throw e;
    });
    return db;
  };
  const run = async <R>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<R>): Promise<R> => {
    const d = await conn();
    const tx = d.transaction(storeName, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    const result = await request(fn(tx.objectStore(storeName)));
    if (mode === 'readwrite') await done;
    else done.catch(() => undefined);
    return result;
  };
  return {
    get: (key) => run('readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
    put: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
    delete: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
    all: () => run('readonly', (s) => s.getAll() as IDBRequest<T[]>),
  };
}
