import { type FieldMode, isRequired, nestedMode } from '../schema/field-modes.ts'
import type {
  FieldSpec,
  Fields,
  IdStrategy,
  JsonType,
  ResourceSpec,
  Schema,
} from '../schema/types.ts'

/** A property of an interface or object type, before rendering. */
export type Member = {
  readonly key: string
  readonly optional: boolean
  readonly type: string
  /** JSDoc tags for what the type cannot say: the field's constraints. */
  readonly tags?: readonly string[]
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const SIMPLE_TYPE = /^[A-Za-z_$][A-Za-z0-9_$]*(\[\])*$/
const ANY_OBJECT = '{ [key: string]: unknown }'

export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name)
}

export function idType(resource: ResourceSpec | undefined): string {
  if (resource === undefined || resource.fields === undefined) return 'number | string'
  return ID_TYPES[resource.id]
}

const ID_TYPES: Readonly<Record<IdStrategy, string>> = {
  integer: 'number',
  uuid: 'string',
  nanoid: 'string',
}

const VALUE_TYPES: Readonly<Record<JsonType, string>> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
  object: ANY_OBJECT,
  array: 'unknown[]',
  null: 'null',
}

function arrayOf(element: string): string {
  return SIMPLE_TYPE.test(element) ? `${element}[]` : `Array<${element}>`
}

/** Renders members as an object type body at `indent` (the closing brace one level out). */
export function renderMembers(members: readonly Member[], indent: string): string {
  const lines = members.map(
    (member) =>
      docComment(member.tags ?? [], indent) +
      `${indent}${propertyKey(member.key)}${member.optional ? '?' : ''}: ${member.type}`,
  )
  return lines.join('\n')
}

function docComment(tags: readonly string[], indent: string): string {
  if (tags.length === 0) return ''
  if (tags.length === 1) return `${indent}/** ${tags[0] ?? ''} */\n`
  return `${indent}/**\n${tags.map((line) => `${indent} * ${line}\n`).join('')}${indent} */\n`
}

/**
 * `@minLength 3`, `@pattern ^[A-Z]+$`: the constraints as JSDoc tags (the names JSON Schema
 * generators read); an array's item constraints as `@items.maxLength 9`.
 */
function constraintTags(field: FieldSpec): string[] {
  const tags = Object.entries(field.constraints ?? {}).map(([key, value]) => tag(key, value))
  if (field.kind !== 'array') return tags
  const items = Object.entries(field.of.constraints ?? {}).map(([key, value]) =>
    tag(`items.${key}`, value),
  )
  return [...tags, ...items]
}

function tag(key: string, value: unknown): string {
  // A pattern could hold the comment's end.
  const text = value === true ? '' : ` ${String(value).replaceAll('*/', '*\\/')}`
  return `@${key}${text}`
}

export function fieldMembers(
  fields: Fields,
  mode: FieldMode,
  schema: Schema,
  indent: string,
): Member[] {
  return [...fields].map(([name, field]) => {
    const tags = constraintTags(field)
    return {
      key: name,
      optional: !isRequired(field, mode),
      type: fieldType(field, mode, schema, indent),
      ...(tags.length === 0 ? {} : { tags }),
    }
  })
}

function fieldType(field: FieldSpec, mode: FieldMode, schema: Schema, indent: string): string {
  const base = baseType(field, mode, schema, indent)
  const hasNull = base === 'unknown' || base === 'null' || field.kind === 'enum'
  return field.nullable && !hasNull ? `${base} | null` : base
}

function baseType(field: FieldSpec, mode: FieldMode, schema: Schema, indent: string): string {
  switch (field.kind) {
    case 'ref':
      return idType(schema.resources.get(field.resource))
    case 'enum': {
      // A JSON value is also a literal type: "a", 1, true, null, { "x": 1 }, [1, 2].
      const values = field.nullable ? [...field.values, null] : field.values
      return [...new Set(values.map((value) => JSON.stringify(value)))].join(' | ')
    }
    case 'array':
      return arrayOf(fieldType(field.of, nestedMode(mode), schema, indent))
    case 'object': {
      const inner = `${indent}  `
      const members = fieldMembers(field.fields, nestedMode(mode), schema, inner)
      if (members.length === 0) return '{ [key: string]: never }'
      return `{\n${renderMembers(members, inner)}\n${indent}}`
    }
    case 'faker':
    case 'template':
    case 'value':
      return field.valueType === undefined ? 'unknown' : VALUE_TYPES[field.valueType]
  }
}
