/** Typed settings: each key has its own schema; a missing or invalid value reads as the default. */
import * as v from 'valibot';
import { getDb, classify, putOne, type Db } from './db';
import { SETTING_DEFAULTS, SettingSchemas, type SettingKey, type SettingValue } from './schema';
import { reportProblem } from './problems';

export function settingsRepo(db: () => Promise<Db> = getDb) {
  return {
    async get<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
      const record = await (await db()).get('settings', key);
      const parsed = v.safeParse(SettingSchemas[key], record?.value);
      return parsed.success ? (parsed.output as SettingValue<K>) : SETTING_DEFAULTS[key];
    },
    async set<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
      const checked = v.parse(SettingSchemas[key], value);
      try {
        await putOne(await db(), 'settings', { key, value: checked });
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },
  };
}

export type SettingsRepo = ReturnType<typeof settingsRepo>;
