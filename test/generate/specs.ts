import type { JsonValue } from '../../src/json.ts'
import type {
  FieldSpec,
  IdStrategy,
  Modifiers,
  ResourceSpec,
  Schema,
  TemplatePart,
} from '../../src/schema/types.ts'

// Hand-built specs, so generator tests do not depend on how schema files are parsed.

const NONE: Modifiers = {
  optional: false,
  nullable: false,
  unique: false,
  default: undefined,
  valueType: undefined,
  typeDeclared: false,
}

type Mods = Partial<Modifiers>

export function fk(path: string, args: readonly JsonValue[] = [], mods: Mods = {}): FieldSpec {
  return { ...NONE, ...mods, kind: 'faker', path, args }
}

export function template(parts: readonly TemplatePart[], mods: Mods = {}): FieldSpec {
  const text = parts.map((p) => (typeof p === 'string' ? p : `{{${p.path}}}`)).join('')
  return { ...NONE, ...mods, kind: 'template', template: text, parts }
}

export function oneOf(values: readonly JsonValue[], mods: Mods = {}): FieldSpec {
  return { ...NONE, ...mods, kind: 'enum', values }
}

export function constant(value: JsonValue, mods: Mods = {}): FieldSpec {
  return { ...NONE, ...mods, kind: 'value', value }
}

export function arrayOf(of: FieldSpec, min: number, max: number, mods: Mods = {}): FieldSpec {
  return { ...NONE, ...mods, kind: 'array', of, min, max }
}

export function object(fields: Record<string, FieldSpec>, mods: Mods = {}): FieldSpec {
  return { ...NONE, ...mods, kind: 'object', fields: new Map(Object.entries(fields)) }
}

export function ref(parent: string, mods: Mods = {}): FieldSpec {
  return { ...NONE, ...mods, kind: 'ref', resource: parent, onDelete: 'cascade' }
}

type ResourceOptions = {
  count?: number
  singular?: boolean
  id?: IdStrategy
  idPosition?: number
}

export function resource(
  name: string,
  fields: Record<string, FieldSpec> | undefined,
  options: ResourceOptions = {},
): ResourceSpec {
  const singular = options.singular ?? false
  return {
    name,
    singular,
    count: singular ? 0 : (options.count ?? 3),
    id: options.id ?? 'integer',
    idKey: 'id',
    fields: fields === undefined ? undefined : new Map(Object.entries(fields)),
    idPosition: options.idPosition ?? 0,
  }
}

export function schemaOf(...resources: ResourceSpec[]): Schema {
  return {
    seed: 1,
    resources: new Map(resources.map((spec) => [spec.name, spec])),
    relations: [],
    origin: 'schema',
  }
}
