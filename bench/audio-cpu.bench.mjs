// CPU cost of a playing soundscape, on #/settings, compared with the same screen with sound off.
//
// Why: a session lasts 20–60 minutes on a phone, often on battery, with the soundscape on the whole time
// (DESIGN.md §6). The soundscapes are generative (Tone.js oscillators, noise, filters, an FM PolySynth for
// "Evening"), so their cost is CPU, not download.
//
// Method:
//  - The harness's browser and page; #/settings; wait for the service worker and the network to be idle.
//  - WINDOW_S seconds with sound off (never started on this page), then a real click on "Sound" (Low hum),
//    wait for "Playing: Low hum." and the 3 s fade-in, WINDOW_S seconds; then the "Soft rain" and "Evening"
//    radio buttons (a 3 s crossfade each; the old voice is disposed 0.25 s after it), WINDOW_S seconds
//    each; then sound off again and, after its 3 s fade-out and the context's suspend, AFTER_S seconds.
//  - Around each window, with nothing else talking to the page in between:
//      · CDP Performance.getMetrics (Performance.enable, default time domain) of the page's renderer:
//        TaskDuration (wall time of all main-thread tasks), ScriptDuration, ThreadTime (main-thread CPU) and
//        ProcessTime (CPU of the whole renderer process, audio rendering thread included). Δ / Δ Timestamp.
//      · /proc utime+stime of every process in the Chromium tree (the browser process found with CDP
//        SystemInfo.getProcessInfo, then all its descendants: renderers, GPU, network, storage, audio
//        service, zygotes) and of each of their threads (bench/lib/proc-cpu.mjs). Δ / wall time.
//  - Headline: (playing − off) as % of one core: TaskDuration for the renderer main thread — which does NOT
//    include the audio rendering thread ("AudioOutputDevice" in the renderer) nor the audio service process —
//    and the whole tree, which does.
//  - The AudioContext is recorded by an init script so the benchmark can check that it ran through each
//    window (its clock advanced by ≈ the window) and that it was suspended after sound off.
import { cpuBetween, sampleTree } from './lib/proc-cpu.mjs';
import os from 'node:os';

const WINDOW_S = 30;
const AFTER_S = 10;
const SETTLE_MS = 2000;
const FADE_WAIT_MS = 3500; // LEVELS.fadeInS / crossfadeS = 3 s, + margin for the old voice's disposal
const OFF_WAIT_MS = 4000; // LEVELS.fadeOutS = 3 s, then suspend after 0.25 s
const SOUNDSCAPES = ['Low hum', 'Soft rain', 'Evening'];

const r1 = (n) => (n == null || Number.isNaN(n) ? null : Math.round(n * 10) / 10);
const r2 = (n) => (n == null || Number.isNaN(n) ? null : Math.round(n * 100) / 100);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs in the page before the app: keep the AudioContexts the app creates, to read their clock. */
function recordContexts() {
  if (window.top !== window || !window.AudioContext) return;
  const list = (window.__gwAudioCpuCtxs = []);
  window.AudioContext = new Proxy(window.AudioContext, {
    construct(target, args, newTarget) {
      const ctx = Reflect.construct(target, args, newTarget);
      list.push(ctx);
      return ctx;
    },
  });
}

/** @param {{ page: import('playwright-core').Page, baseURL: string, browserContext: import('playwright-core').BrowserContext }} ctx */
export default async function audioCpu({ page, baseURL, browserContext }) {
  const browser = browserContext.browser();
  if (!browser) throw new Error('audio-cpu: needs a non-persistent browser (browserContext.browser())');
  const bcdp = await browser.newBrowserCDPSession();
  const types = new Map();
  const refreshTypes = async () => {
    for (const p of (await bcdp.send('SystemInfo.getProcessInfo')).processInfo) types.set(p.id, p.type);
  };
  await refreshTypes();
  const root = [...types].find(([, t]) => t === 'browser')?.[0];
  if (!root) throw new Error('audio-cpu: browser process not found via SystemInfo.getProcessInfo');

  const cdp = await browserContext.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const audioClock = () => page.evaluate(() => {
    const c = window.__gwAudioCpuCtxs?.at(-1);
    return c ? { state: c.state, time: c.currentTime, count: window.__gwAudioCpuCtxs.length } : null;
  });

  await page.addInitScript(recordContexts);
  await page.goto(`${baseURL}/#/settings`);
  const toggle = page.getByRole('switch', { name: /Sound/ });
  await toggle.waitFor({ state: 'visible' });
  await page.evaluate(() =>
    Promise.race([navigator.serviceWorker?.ready, new Promise((r) => setTimeout(r, 10_000))]),
  );
  await page.waitForLoadState('networkidle');
  await sleep(SETTLE_MS);

  const windows = [];
  const measure = async (label, seconds) => {
    const a0 = await audioClock();
    const p0 = await sampleTree(root);
    const m0 = await metrics();
    await sleep(seconds * 1000);
    const m1 = await metrics();
    const p1 = await sampleTree(root);
    const a1 = await audioClock();
    await refreshTypes();
    const dt = m1.Timestamp - m0.Timestamp;
    const pct = (k) => (m1[k] != null && m0[k] != null ? ((m1[k] - m0[k]) / dt) * 100 : null);
    const w = {
      label,
      seconds: dt,
      main: { task: pct('TaskDuration'), script: pct('ScriptDuration'), thread: pct('ThreadTime'), process: pct('ProcessTime') },
      samples: [p0, p1],
      audio: a1 && { state: a1.state, advancedS: a0 && a0.count === a1.count ? a1.time - a0.time : null },
      loadavg: os.loadavg()[0],
    };
    windows.push(w);
    return w;
  };

  const off = await measure('sound off', WINDOW_S);
  if (off.audio) throw new Error('audio-cpu: an AudioContext existed before the tap');

  const playing = [];
  for (const [i, title] of SOUNDSCAPES.entries()) {
    if (i === 0) await toggle.click();
    else await page.getByRole('radio', { name: new RegExp(`^${title}`) }).check();
    await page.getByText(`Playing: ${title}.`).waitFor({ timeout: 15_000 });
    await sleep(FADE_WAIT_MS);
    const w = await measure(title, WINDOW_S);
    if (w.audio?.state !== 'running' || !(w.audio.advancedS > WINDOW_S * 0.9)) {
      throw new Error(`audio-cpu: during "${title}" the AudioContext was ${w.audio?.state}, clock advanced ${w.audio?.advancedS} s`);
    }
    playing.push(w);
  }

  await toggle.click();
  await page.waitForFunction(() => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'false');
  await sleep(OFF_WAIT_MS);
  const after = await measure('sound off again (context suspended)', AFTER_S);

  // Label threads: the page's renderer is the one that got an audio output device thread.
  const last = playing.at(-1).samples[1];
  const pageRenderer = [...last.procs].find(([, p]) => [...p.threads.values()].some((t) => t.comm.startsWith('AudioOutputDev')))?.[0] ?? null;
  const procName = (pid) => {
    const t = types.get(pid);
    if (pid === pageRenderer) return 'page renderer';
    if (t === 'renderer') return 'other renderer';
    if (!t) return 'zygote/other';
    return { 'audio.mojom.AudioService': 'audio service', 'network.mojom.NetworkService': 'network', 'storage.mojom.StorageService': 'storage' }[t] ?? t;
  };
  const label = (pid, tid, comm) => `${procName(pid)}:${pid === tid ? 'main' : comm}`;
  for (const w of windows) {
    const d = cpuBetween(w.samples[0], w.samples[1], label);
    w.tree = d.percentOfCore;
    w.treeWall = d.wallSeconds;
    w.byThread = new Map([...d.byThread].map(([k, s]) => [k, (s / d.wallSeconds) * 100]));
    w.byProcess = new Map();
    for (const [pid, s] of d.byProcess) {
      const k = procName(pid);
      w.byProcess.set(k, (w.byProcess.get(k) ?? 0) + (s / d.wallSeconds) * 100);
    }
    w.newPids = d.newPids.length;
    w.exitedPids = d.exitedPids.length;
  }

  const pctObj = (m, n = 8) =>
    Object.fromEntries([...m].filter(([, v]) => v >= 0.05).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, r2(v)]));
  const summary = (w) => ({
    seconds: r1(w.seconds),
    rendererMainThread: { taskDuration: r2(w.main.task), scriptDuration: r2(w.main.script), threadTime: r2(w.main.thread) },
    rendererProcessTime: r2(w.main.process),
    chromiumTree: r2(w.tree),
    byProcess: pctObj(w.byProcess),
    topThreads: pctObj(w.byThread),
    audioContext: w.audio && { state: w.audio.state, clockAdvancedS: r2(w.audio.advancedS) },
    loadavg1m: r2(w.loadavg),
  });

  const method =
    `#/settings in the harness's headless Chromium; ${WINDOW_S} s with sound off (never started), then a real click on ` +
    `"Sound" and, after the 3 s fade-in, ${WINDOW_S} s of Low hum; then the "Soft rain" and "Evening" radio buttons, ` +
    `each after its 3 s crossfade, ${WINDOW_S} s; then sound off and, after the fade-out and suspend, ${AFTER_S} s. ` +
    `Renderer main thread: CDP Performance.getMetrics TaskDuration Δ / Timestamp Δ (wall time of main-thread tasks); ` +
    `ScriptDuration and ThreadTime (main-thread CPU) alongside; ProcessTime is the whole renderer process. Chromium tree: ` +
    `/proc utime+stime of the browser process (CDP SystemInfo) and all descendants, per thread, Δ / wall time. All as ` +
    `% of one core; values in the rows are playing minus sound off. The audio rendering thread (renderer ` +
    `"AudioOutputDevice") and the audio service process are NOT in the main-thread metrics; they are in ProcessTime ` +
    `(the rendering thread only) and in the tree. Headless, no sound card: the audio service writes to a fake output ` +
    `at real-time rate, so its own cost is a lower bound of a real device's. Shared 2-core machine: see loadavg1m.`;
  const base = summary(off);
  const rows = [];
  for (const w of playing) {
    const s = summary(w);
    const diff = (a, b) => (a == null || b == null ? null : r2(a - b));
    rows.push({
      name: `audio CPU, renderer main thread, ${w.label} (TaskDuration, playing − off)`,
      value: w.main.task - off.main.task,
      unit: '% of one core',
      detail: {
        method: rows.length === 0 ? method : `see the ${SOUNDSCAPES[0]} row`,
        playingMinusOff: {
          taskDuration: diff(w.main.task, off.main.task),
          scriptDuration: diff(w.main.script, off.main.script),
          threadTime: diff(w.main.thread, off.main.thread),
          rendererProcessTime: diff(w.main.process, off.main.process),
          chromiumTree: diff(w.tree, off.tree),
        },
        playing: s,
        // The two sound-off windows are the same for every soundscape: in full on the first row only.
        ...(rows.length === 0
          ? { soundOff: base, soundOffAgain: summary(after) }
          : { soundOff: `see the ${SOUNDSCAPES[0]} row (TaskDuration ${base.rendererMainThread.taskDuration} %, tree ${base.chromiumTree} %)` }),
      },
    });
    rows.push({
      name: `audio CPU, whole Chromium process tree, ${w.label} (/proc, playing − off)`,
      value: w.tree - off.tree,
      unit: '% of one core',
      detail:
        `Playing ${r2(w.tree)} %, sound off ${r2(off.tree)} %, sound off again after playing ${r2(after.tree)} % of one core ` +
        `(utime+stime of every Chromium process, ${r1(w.treeWall)} s). Playing, by process: ` +
        Object.entries(s.byProcess).map(([k, v]) => `${k} ${v}`).join(', ') +
        `. Busiest threads: ` +
        Object.entries(s.topThreads).map(([k, v]) => `${k} ${v}`).join(', ') +
        `. Renderer ProcessTime (includes the audio rendering thread): ${r2(w.main.process)} % vs ${r2(off.main.process)} % off. ` +
        `1-min load average ${r2(w.loadavg)} on ${os.availableParallelism?.() ?? os.cpus().length} cores. Method: see the main-thread row.`,
    });
  }
  return rows;
}
