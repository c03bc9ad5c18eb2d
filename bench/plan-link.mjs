// Issue 16: how long is the link of a realistic 10-module plan, and what QR version does it need?
// `node bench/plan-link.mjs` (a standalone script, not run by bench/run.mjs: it needs no browser) — loads the app's own TypeScript (src/plans/*) through Vite's SSR module
// loader (no build), signs the plan with a fresh key exactly as clinician mode does, encodes the link and
// the QR code, and prints the numbers (also as one JSON line for bench/RESULTS.md).
//
// The plan: 10 modules, each with a personal instruction of ~120 characters (what a clinician writes in a
// sentence or two), thresholds, three measures, two contacts and a ~300-character note; the signing and
// report public keys and the signature are included (~330 characters of random, incompressible base64url).
import { createServer } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await createServer({ root, configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
try {
  const codec = await server.ssrLoadModule('/src/plans/codec.ts');
  const sig = await server.ssrLoadModule('/src/plans/signature.ts');
  const { qrPath, QR_MAX_VERSION } = await server.ssrLoadModule('/src/plans/qr.ts');
  const { PLAN_LIMITS } = await server.ssrLoadModule('/src/plans/limits.content.ts');

  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const report = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const ids = ['five-senses', 'belief-rehearsal', 'written-exposure', 'stuck-points', 'in-vivo', 'thought-record', 'belief-rehearsal', 'written-exposure', 'orientation', 'breathing'];
  const instructions = [
    'Start with this one on the morning after your session, before anything else; five minutes is plenty.',
    'Rehearse the belief we wrote together: "I did what I could with what I knew then". Rate it before and after.',
    'First writing session about the accident. Thirty minutes, the event in detail, with thoughts and feelings.',
    'Pick the stuck point about blame from our last session and go through the questions one at a time.',
    'Supermarket at a quiet time, item 3 on your list (SUDS about 40). Stay until the fear starts to settle.',
    'If a strong thought comes up during the week, catch it with a thought record, then bring it next time.',
    'Same belief again. Notice whether it has moved since day 1; either way is fine, write what you notice.',
    'Second writing session: the same memory, more detail of the worst moment and what it meant to you.',
    'Whenever you notice yourself drifting away, use this to come back to the room and today’s date.',
    'Slow out-breath, a few minutes, before sleep on the days after your session. Gently, not deeply.',
  ];
  const plan = {
    v: 1,
    id: 'a1b2c3d4e5f60718',
    createdAt: Date.now(),
    title: 'Window days after session 3',
    clinician: {
      name: 'Dr Rowan Lee',
      contact: 'rowan.lee@clinic.example · 020 7946 0000 (weekdays 9–5)',
      signingKey: sig.publicPart(await crypto.subtle.exportKey('jwk', pair.publicKey)),
      reportKey: sig.publicPart(await crypto.subtle.exportKey('jwk', report.publicKey)),
    },
    modules: ids.map((moduleId, i) => ({ moduleId, day: i < 8 ? [1, 1, 2, 2, 3, 'any', 4, 5][i] : 'any', instruction: instructions[i] })),
    thresholds: { presenceAtMost: 4, distressAtLeast: 7 },
    exposureThresholds: { preSudsAtLeast: 80 },
    measures: [
      { id: 'phq9', everyDays: 7 },
      { id: 'gad7', everyDays: 7 },
      { id: 'pcl5', everyDays: 14 },
    ],
    contacts: [
      { region: 'London', name: 'Clinic duty line (out of hours)', number: '020 7946 0001' },
      { region: 'London', name: 'Clinic booking page', url: 'https://clinic.example/book' },
    ],
    note:
      'Go gently with yourself this week. The exercises are offered, not required: if a day is hard, grounding is always the right choice, and anything missed simply waits. If you feel unsafe at any point, use Help or call the duty line. We will look at how it went together on Thursday.',
  };
  const signed = { plan, sig: await sig.signPlan(plan, pair.privateKey) };
  const payload = await codec.encodePayload(signed);
  const json = JSON.stringify(signed);
  const appUrl = 'https://groundwork.example.org/app/';
  const link = codec.planLink(appUrl, payload);
  const qr = qrPath(link, 40);
  const result = {
    modules: plan.modules.length,
    jsonChars: json.length,
    payloadChars: payload.length,
    linkChars: link.length,
    payloadLimit: PLAN_LIMITS.payloadChars,
    qrVersion: qr?.version,
    qrModules: qr ? qr.size - 8 : undefined,
    qrMaxVersion: QR_MAX_VERSION,
    qrFits: !!qr && qr.version <= QR_MAX_VERSION,
  };
  // The same plan without the personal instructions, for comparison.
  const bare = { ...plan, modules: plan.modules.map(({ instruction: _i, ...m }) => m) };
  const bareLink = codec.planLink(appUrl, await codec.encodePayload({ plan: bare, sig: await sig.signPlan(bare, pair.privateKey) }));
  result.withoutInstructions = { linkChars: bareLink.length, qrVersion: qrPath(bareLink, 40)?.version };
  const back = await codec.decodePayload(payload);
  if (JSON.stringify(back.plan) !== JSON.stringify(plan) || !back.signed) throw new Error('round trip failed');
  console.log(
    `plan link: 10-module plan, JSON ${result.jsonChars} chars → link ${result.linkChars} chars (payload ${result.payloadChars}, limit ${result.payloadLimit}); ` +
      `QR version ${result.qrVersion} (${result.qrModules}×${result.qrModules} modules, ECC L; app allows up to ${result.qrMaxVersion}); ` +
      `without the instructions: link ${result.withoutInstructions.linkChars} chars, QR version ${result.withoutInstructions.qrVersion}`,
  );
  console.log(JSON.stringify(result));
} finally {
  await server.close();
}
