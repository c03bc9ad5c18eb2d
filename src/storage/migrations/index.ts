/**
 * Every schema change, in order. Appending a migration here and bumping nothing else is how the schema
 * changes: SCHEMA_VERSION is derived from this list, so the two can never disagree.
 * Released migrations are never edited (their fixture tests in tests/unit/storage.migrations.test.ts pin them).
 */
import { m001Initial } from './001_initial';
import { m002Personal } from './002_personal';
import { m003Quarantine } from './003_quarantine';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [m001Initial, m002Personal, m003Quarantine];

export type { Migration };
