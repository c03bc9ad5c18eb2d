// Component tests run in jsdom with a real (in-memory) IndexedDB, so views and repositories are exercised
// together; nothing of the thing under test is mocked.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/svelte';
import { afterEach } from 'vitest';

// findBy*/waitFor give up after 1 s by default; with both Vitest projects sharing 2 cores, a screen that
// waits on IndexedDB has taken longer than that. The tests assert what appears, not how fast.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
