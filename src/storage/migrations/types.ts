/** A numbered schema change. `up` runs inside the versionchange transaction, so it is all-or-nothing. */
export interface Migration {
  version: number;
  name: string;
  up(db: IDBDatabase, tx: IDBTransaction): void;
}
