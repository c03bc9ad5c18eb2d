/** Shared by the in-page checks: each returns a named result; run.mjs prints `ok - name` / `not ok - name`. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export async function check(name: string, fn: () => Promise<string> | string): Promise<CheckResult> {
  try {
    return { name, ok: true, detail: await fn() };
  } catch (err) {
    return { name, ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
