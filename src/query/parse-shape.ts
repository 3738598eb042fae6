import type { Issue } from '../errors.ts'
import { FORBIDDEN_KEYS } from '../json.ts'
import type { Relation, ResourceSpec, Schema } from '../schema/types.ts'
import { closest } from '../schema/suggest.ts'
import { quote } from './query-error.ts'
import { unknownField } from './resolve-field.ts'
import type { EmbedSpec, ExpandSpec, ItemQuery } from './types.ts'
import { paramList } from './param-list.ts'

/** `_embed`, `_expand` and `_select`, shared by lists and items. */
export function parseShape(
  params: URLSearchParams,
  resource: ResourceSpec,
  schema: Schema,
  issues: Issue[],
): ItemQuery {
  const children = schema.relations.filter((relation) => relation.parent === resource.name)
  const parents = schema.relations.filter((relation) => relation.child === resource.name)
  const embed: EmbedSpec[] = []
  const expand: ExpandSpec[] = []
  const addParent = (relation: Relation): void => {
    if (expand.some((spec) => spec.name === relation.expandAs)) return
    expand.push({ name: relation.expandAs, parent: relation.parent, field: relation.field })
  }
  for (const name of paramList(params, '_embed')) {
    const child = children.find((relation) => relation.child === name)
    // json-server 1.0 also embeds a parent: `/comments?_embed=post`.
    const parent = parents.find((relation) => relation.expandAs === name)
    if (child !== undefined) embed.push({ name, child: child.child, field: child.field })
    else if (parent !== undefined) addParent(parent)
    else
      issues.push({
        path: '_embed',
        message: unknownName('embed', name, [
          ...children.map((r) => r.child),
          ...parents.map((r) => r.expandAs),
        ]),
      })
  }
  for (const name of paramList(params, '_expand')) {
    const parent = parents.find((relation) => relation.expandAs === name)
    if (parent !== undefined) addParent(parent)
    else
      issues.push({
        path: '_expand',
        message: unknownName(
          'expand',
          name,
          parents.map((r) => r.expandAs),
        ),
      })
  }
  return {
    embed,
    expand,
    select: parseSelect(params, resource, schema, [...embed, ...expand], issues),
  }
}

function parseSelect(
  params: URLSearchParams,
  resource: ResourceSpec,
  schema: Schema,
  included: readonly { readonly name: string }[],
  issues: Issue[],
): string[] | undefined {
  const names = paramList(params, '_select')
  if (names.length === 0) return undefined
  const fields = schema.origin === 'db' ? undefined : resource.fields
  if (fields === undefined) return names.filter((name) => !FORBIDDEN_KEYS.has(name))
  const known = [resource.idKey, ...fields.keys(), ...included.map((spec) => spec.name)]
  for (const name of names) {
    if (!known.includes(name))
      issues.push({ path: '_select', message: unknownField([name], 1, known).error })
  }
  return names
}

function unknownName(
  what: 'embed' | 'expand',
  name: string,
  candidates: readonly string[],
): string {
  const guess = name.length <= 64 ? closest(name, candidates) : undefined
  if (guess !== undefined) return `unknown ${what} ${quote(name)} (did you mean ${quote(guess)}?)`
  const choices = candidates.length === 0 ? 'nothing here' : candidates.join(', ')
  return `unknown ${what} ${quote(name)} (can ${what}: ${choices})`
}
