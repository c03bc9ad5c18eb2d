/**
 * Every schema change, in order. Appending a migration here and bumping nothing else is how the schema
 * changes: SCHEMA_VERSION is derived from this list (the newest migration's number), so the two can never
 * disagree. Versions must increase; a gap is tolerated (branches developed in parallel may land out of
 * order before release), and the upgrade runs every migration newer than the stored version.
 * Released migrations are never edited (their fixture tests in tests/unit/storage.migrations.test.ts pin them).
 */
import { m001Initial } from './001_initial';
import { m002Personal } from './002_personal';
import { m003Quarantine } from './003_quarantine';
import { m004Doses } from './004_doses';
import { m005Media } from './005_media';
import { m006SafetyPlan } from './006_safety_plan';
import { m007Exposure } from './007_exposure';
import { m008WrittenExposure } from './008_written_exposure';
import { m009Measures } from './009_measures';
import { m010Plans } from './010_plans';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [m001Initial, m002Personal, m003Quarantine, m004Doses, m005Media, m006SafetyPlan, m007Exposure, m008WrittenExposure, m009Measures, m010Plans];

export type { Migration };
