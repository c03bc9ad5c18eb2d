/**
 * A plan's three ways to travel (issue 16): the link `#/plan/<payload>` (JSON → deflate-raw with
 * CompressionStream → strict base64url; in the URL fragment, so it is never sent to any server), the same
 * link in a QR code, and a `.groundwork-plan.json` file (readable JSON). Decoding refuses anything
 * truncated, changed after signing, too large or not a plan with a typed `PlanError` whose reason picks a
 * kind message (copy `plans.errors`); nothing is stored by decoding.
 */
import * as v from 'valibot';
import { PLAN_LIMITS } from './limits.content';
import { fromBase64Url, toBase64Url } from './bytes';
import { PLAN_FILE_FORMAT, PLAN_VERSION, PlanSchema, SignedPlanSchema, type Plan } from './schema';
import { verifyPlan } from './signature';

export type PlanErrorReason =
  /** Nothing after `#/plan/`. */
  | 'empty'
  /** Longer than a plan may be (link, file or after decompression). */
  | 'too-large'
  /** Cut short or changed in transit: not valid base64url, or the compressed data does not decode. */
  | 'damaged'
  /** Decodes, but is not a plan this app can read. */
  | 'malformed'
  /** A plan from a newer version of the app. */
  | 'unsupported-version'
  /** Signed, but the signature does not match what arrived: changed after the clinician made it. */
  | 'tampered'
  /** A file that is not a Groundwork plan at all. */
  | 'not-a-plan-file';

export class PlanError extends Error {
  constructor(readonly reason: PlanErrorReason) {
    super(`Plan refused: ${reason}`);
    this.name = 'PlanError';
  }
}

export interface SignedPlan {
  plan: Plan;
  sig?: string;
}

export interface DecodedPlan {
  plan: Plan;
  /** The plan exactly as received (what the signature covers). */
  raw: unknown;
  sig?: string;
  /** A signature was present and valid for the key the plan carries. */
  signed: boolean;
  /** Fields the plan carried that this app does not accept (dropped, and named in the preview). */
  ignored: string[];
}

const enc = new TextEncoder();

/** Streams only (no Blob.stream or Response): the same code runs in Chromium, node and jsdom. */
async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const cs = new CompressionStream('deflate-raw');
  const writer = cs.writable.getWriter();
  void writer.write(bytes);
  void writer.close();
  const reader = cs.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Inflate, stopping as soon as the output passes `cap` bytes (a tiny link must not become gigabytes). */
async function inflate(bytes: Uint8Array<ArrayBuffer>, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        void reader.cancel().catch(() => {});
        throw new PlanError('too-large');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof PlanError) throw error;
    throw new PlanError('damaged');
  }
  return concat(chunks, total);
}

/**
 * A 4-byte check (SHA-256 of the compressed bytes) ends every link: deflate ignores some bits (the padding
 * after its last block), so without it a few changed characters could still decode, and a cut-short link
 * is caught here before anything is decompressed. 6 characters of link for "every change is refused".
 */
const CHECK_BYTES = 4;
async function check(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).subarray(0, CHECK_BYTES);
}

/** The link payload for a (signed) plan: base64url(deflate-raw(JSON) ‖ check). */
export async function encodePayload(signed: SignedPlan): Promise<string> {
  const json = JSON.stringify(signed.sig ? { plan: signed.plan, sig: signed.sig } : { plan: signed.plan });
  const body = await deflate(enc.encode(json));
  const out = new Uint8Array(body.length + CHECK_BYTES);
  out.set(body);
  out.set(await check(body), body.length);
  return toBase64Url(out);
}

/** The whole link: this app's address (without any fragment) + `#/plan/<payload>`. */
export function planLink(appUrl: string, payload: string): string {
  return `${appUrl.split('#')[0]}#/plan/${payload}`;
}

/** Read a link's payload. Throws PlanError; never stores anything. */
export async function decodePayload(payload: string): Promise<DecodedPlan> {
  if (!payload) throw new PlanError('empty');
  if (payload.length > PLAN_LIMITS.payloadChars) throw new PlanError('too-large');
  const bytes = fromBase64Url(payload);
  if (!bytes || bytes.length <= CHECK_BYTES) throw new PlanError('damaged');
  const body = bytes.slice(0, bytes.length - CHECK_BYTES);
  const sum = await check(body);
  if (sum.some((b, i) => b !== bytes[body.length + i])) throw new PlanError('damaged');
  const json = await inflate(body, PLAN_LIMITS.jsonBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    throw new PlanError('damaged');
  }
  return readSigned(parseJson(text));
}

/** The `.groundwork-plan.json` file's text (readable, so a clinician can see what it holds). */
export function planFileText(signed: SignedPlan): string {
  return `${JSON.stringify({ format: PLAN_FILE_FORMAT, ...(signed.sig ? { plan: signed.plan, sig: signed.sig } : { plan: signed.plan }) }, null, 2)}\n`;
}

/** Read a plan file's text. Throws PlanError; never stores anything. */
export async function readPlanFile(text: string): Promise<DecodedPlan> {
  if (enc.encode(text).length > PLAN_LIMITS.jsonBytes) throw new PlanError('too-large');
  const raw = parseJson(text, 'not-a-plan-file');
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== PLAN_FILE_FORMAT) {
    throw new PlanError('not-a-plan-file');
  }
  const { format: _format, ...rest } = raw as Record<string, unknown>;
  return readSigned(rest);
}

function parseJson(text: string, reason: PlanErrorReason = 'malformed'): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PlanError(reason);
  }
}

async function readSigned(value: unknown): Promise<DecodedPlan> {
  const outer = v.safeParse(SignedPlanSchema, value);
  if (!outer.success) throw new PlanError('malformed');
  const raw = outer.output.plan;
  const version = (raw as { v?: unknown } | null)?.v;
  if (typeof version === 'number' && version > PLAN_VERSION) throw new PlanError('unsupported-version');
  const parsed = v.safeParse(PlanSchema, raw);
  if (!parsed.success) throw new PlanError('malformed');
  const plan = parsed.output;
  const sig = outer.output.sig;
  let signed = false;
  if (sig !== undefined) {
    // A signature that does not match means the plan changed after signing: refused, never shown as "unsigned".
    if (!plan.clinician.signingKey || !(await verifyPlan(raw, sig, plan.clinician.signingKey))) throw new PlanError('tampered');
    signed = true;
  }
  return { plan, raw, sig, signed, ignored: ignoredFields(raw) };
}

const KNOWN: Record<string, readonly string[]> = {
  '': ['v', 'id', 'createdAt', 'title', 'clinician', 'modules', 'thresholds', 'exposureThresholds', 'measures', 'contacts', 'note'],
  clinician: ['name', 'contact', 'signingKey', 'reportKey'],
  thresholds: ['presenceAtMost', 'distressAtLeast', 'afterDistressAtLeast', 'riseAtLeast'],
  exposureThresholds: ['preSudsAtLeast', 'presenceAtMost', 'postSudsAtLeast', 'riseAtLeast'],
};

/** Fields a plan carried that the schema does not know (e.g. an attempt to switch off a safety rule). */
export function ignoredFields(raw: unknown): string[] {
  const out: string[] = [];
  const obj = raw as Record<string, unknown>;
  for (const [path, known] of Object.entries(KNOWN)) {
    const at = path ? obj[path] : obj;
    if (typeof at !== 'object' || at === null || Array.isArray(at)) continue;
    for (const key of Object.keys(at)) if (!known.includes(key)) out.push(path ? `${path}.${key}` : key);
  }
  return out;
}
