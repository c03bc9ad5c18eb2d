// Component tests run in jsdom with a real (in-memory) IndexedDB, so views and repositories are exercised
// together; nothing of the thing under test is mocked.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
