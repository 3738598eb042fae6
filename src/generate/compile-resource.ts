import type { Id, JsonObject } from '../json.ts'
import type { ResourceSpec } from '../schema/types.ts'
import type { CompileContext } from './compile-context.ts'
import { buildObject, compileFields, toEntry } from './compile-field.ts'
import type { Entry } from './compile-field.ts'

/**
 * Compiles a resource's fields once into a function building item `index`; `ids` (plural
 * resources only) puts the item's id at `spec.idPosition` among the keys.
 */
export function compileResource(
  spec: ResourceSpec,
  ctx: CompileContext,
  ids: readonly Id[] | undefined,
): (index: number) => JsonObject {
  const entries: Entry[] =
    spec.fields === undefined
      ? []
      : compileFields(spec.fields, ctx, {
          path: '',
          inArray: false,
          scope: { seen: [] },
          needed: ctx.count,
        })
  if (ids !== undefined) {
    // The item's id always wins over a stray `id` field.
    const fields = entries.filter((entry) => entry.key !== spec.idKey)
    const position = Math.min(Math.max(spec.idPosition, 0), fields.length)
    fields.splice(
      position,
      0,
      toEntry(spec.idKey, (index) => ids[index] ?? null),
    )
    return (index) => buildObject(fields, index)
  }
  return (index) => buildObject(entries, index)
}
