/**
 * Scene files: export the list to JSON and import it back, with validation errors that name the
 * problem (`scenes[2].state.year`: "expected number, received string"), as codes the UI words.
 */
import { z } from 'zod';
import { describeIssues, sceneSchema, type Scene } from './scene';
import {
  invalid,
  kindOf,
  migrateRecord,
  SCENES_VERSION,
  STORAGE_MIGRATIONS,
  type SceneProblem,
  type StorageMigration,
} from './storage';

export const FILE_KIND = 'jangkau-scenes';

/**
 * The JSON text of a scenes file.
 *
 * @example scenesToFile(list, new Date()) // '{ "kind": "jangkau-scenes", "version": 1, … }'
 */
export function scenesToFile(list: readonly Scene[], exportedAt: Date): string {
  return `${JSON.stringify({ kind: FILE_KIND, version: SCENES_VERSION, exportedAt: exportedAt.toISOString(), scenes: list }, null, 2)}\n`;
}

export type ImportResult =
  | { readonly ok: true; readonly scenes: readonly Scene[] }
  | { readonly ok: false; readonly problems: readonly SceneProblem[] };

const fileSchema = z.object({
  kind: z.literal(FILE_KIND),
  version: z.number().int().min(1),
  scenes: z.array(z.unknown()).max(500),
});

/**
 * Parses and validates a scenes file. Any invalid scene fails the import (nothing is half-imported) and every
 * problem names its place in the file.
 *
 * @example parseScenesFile('{"kind":"jangkau-scenes","version":1,"scenes":[]}') // { ok: true, scenes: [] }
 */
export function parseScenesFile(
  text: string,
  migrations: Readonly<Record<number, StorageMigration>> = STORAGE_MIGRATIONS,
): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ code: 'notJson', params: { detail: (e as Error).message } }] };
  }
  const head = fileSchema.safeParse(json);
  if (!head.success) {
    const kind = (json as { kind?: unknown } | null)?.kind;
    if (kind !== FILE_KIND)
      return { ok: false, problems: [{ code: 'notScenesFile', params: { kind: FILE_KIND } }] };
    return { ok: false, problems: describeIssues(head.error).map(invalid) };
  }
  if (head.data.version > SCENES_VERSION)
    return {
      ok: false,
      problems: [{ code: 'newerFile', params: { version: head.data.version, supported: SCENES_VERSION } }],
    };
  // The same migration chain as storage; then every scene must be valid.
  const migrated = migrateRecord({ version: head.data.version, scenes: head.data.scenes }, migrations);
  if (!migrated.ok)
    return {
      ok: false,
      problems: [
        migrated.problem.type === 'unreadable'
          ? migrated.problem.detail
          : { code: 'newerFile', params: { version: head.data.version, supported: SCENES_VERSION } },
      ],
    };
  const list = migrated.data['scenes'];
  if (!Array.isArray(list))
    return { ok: false, problems: [{ code: 'notList', params: { found: kindOf(list) } }] };
  const problems: SceneProblem[] = [];
  const scenes: Scene[] = [];
  list.forEach((item: unknown, i) => {
    const r = sceneSchema.safeParse(item);
    if (r.success) scenes.push(r.data);
    else problems.push(...describeIssues(r.error, `scenes[${i}]`).map(invalid));
  });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 5) } : { ok: true, scenes };
}
