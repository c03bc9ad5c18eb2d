/** Random ids that never collide across devices, so backups and plans merge by id. */
export function newId(): string {
  return crypto.randomUUID();
}
