// Raw IndexedDB from the page, for benchmarks: each function runs in the page (page.evaluate(fn, arg)), so
// keep every one self-contained — it is serialised into the page, and nothing outside it is in scope there.
// They open `groundwork` at its current version (no version argument), after the app has created it.

/** Runs in the page: empties `stores` in one transaction. */
export function clearStores(stores) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('groundwork');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(stores, 'readwrite');
      for (const s of stores) tx.objectStore(s).clear();
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Runs in the page: `store`'s records as they are on disk (at most `count` of them, when given). */
export function readStore({ store, count }) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('groundwork');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const r = db.transaction(store).objectStore(store).getAll(null, count);
      r.onsuccess = () => (resolve(r.result), db.close());
      r.onerror = () => reject(r.error);
    };
  });
}

/** Runs in the page: puts `records` into `store` in one transaction. */
export function putRecords({ store, records }) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('groundwork');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(store, 'readwrite');
      for (const r of records) tx.objectStore(store).put(r);
      tx.oncomplete = () => (db.close(), resolve(records.length));
      tx.onerror = () => reject(tx.error);
    };
  });
}
