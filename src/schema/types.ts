import type { JsonValue } from '../json.ts'

export const JSON_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
] as const
export type JsonType = (typeof JSON_TYPES)[number]

export const ID_STRATEGIES = ['integer', 'uuid', 'nanoid'] as const
export type IdStrategy = (typeof ID_STRATEGIES)[number]

export const ON_DELETE = ['cascade', 'nullify', 'restrict'] as const
export type OnDelete = (typeof ON_DELETE)[number]

/** Formats a `format` constraint may name, and the JSON type of the values each applies to. */
export const FORMAT_TYPES = {
  'date-time': 'string',
  date: 'string',
  time: 'string',
  email: 'string',
  hostname: 'string',
  ipv4: 'string',
  ipv6: 'string',
  uri: 'string',
  uuid: 'string',
  byte: 'string',
  password: 'string',
  int32: 'integer',
  int64: 'integer',
  float: 'number',
  double: 'number',
} as const satisfies Record<string, 'string' | 'integer' | 'number'>
export type Format = keyof typeof FORMAT_TYPES
export const FORMATS = Object.keys(FORMAT_TYPES) as readonly Format[]

/**
 * JSON Schema's validation keywords, with its meanings: string ones apply to strings, number ones
 * to numbers, item ones to arrays. Generated values satisfy them and writes are checked against them.
 */
export type Constraints = {
  readonly minLength?: number
  readonly maxLength?: number
  /** Unanchored, matched with the linear-time RE2 engine. */
  readonly pattern?: string
  readonly format?: Format
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly exclusiveMaximum?: number
  readonly multipleOf?: number
  readonly minItems?: number
  readonly maxItems?: number
  readonly uniqueItems?: boolean
}

export type Modifiers = {
  /** May be absent from an item (generated absent about one time in four). */
  readonly optional: boolean
  /** May be null (generated null about one time in four). */
  readonly nullable: boolean
  readonly unique: boolean
  /** Applied on POST and PUT when the field is missing; `undefined` when none is declared. */
  readonly default: JsonValue | undefined
  /** The field's JSON type: declared with `type`, else inferred; `undefined` when values mix types. */
  readonly valueType: JsonType | undefined
  /** True when `type` was declared: generated values are converted to it. */
  readonly typeDeclared: boolean
  /** Absent when the field declares none. */
  readonly constraints?: Constraints
}

export type FakerCall = { readonly path: string; readonly args: readonly JsonValue[] }
export type TemplatePart = string | FakerCall

export type FieldSpec = Modifiers &
  (
    | ({ readonly kind: 'faker' } & FakerCall)
    | {
        readonly kind: 'template'
        readonly template: string
        readonly parts: readonly TemplatePart[]
      }
    | { readonly kind: 'enum'; readonly values: readonly JsonValue[] }
    | { readonly kind: 'value'; readonly value: JsonValue }
    | {
        readonly kind: 'array'
        readonly of: FieldSpec
        readonly min: number
        readonly max: number
      }
    | { readonly kind: 'object'; readonly fields: Fields }
    | { readonly kind: 'ref'; readonly resource: string; readonly onDelete: OnDelete }
  )

export type FieldKind = FieldSpec['kind']

/** Field specs in declaration order (the key order of generated items). */
export type Fields = ReadonlyMap<string, FieldSpec>

export type ResourceSpec = {
  readonly name: string
  readonly singular: boolean
  /** Items generated for a plural resource (0 for singular ones). */
  readonly count: number
  readonly id: IdStrategy
  /** `undefined` for a free-form resource: any JSON object is accepted. */
  readonly fields: Fields | undefined
  /** Where the id goes among the field keys of generated items: 0 = first, `fields.size` = last. */
  readonly idPosition: number
  /** The field that identifies an item: `id`, or another name chosen with `--id` (`_id`). */
  readonly idKey: string
}

/** A `ref` field: `child.field` holds the id of a `parent` item. */
export type Relation = {
  readonly child: string
  readonly field: string
  readonly parent: string
  readonly onDelete: OnDelete
  /** The key `_expand` uses on a child: `userId` -> `user`. */
  readonly expandAs: string
}

export type Schema = {
  readonly seed: number
  /** In declaration order. */
  readonly resources: ReadonlyMap<string, ResourceSpec>
  readonly relations: readonly Relation[]
  /** `schema` for a schema file, `db` for a plain json-server style database served schemaless. */
  readonly origin: 'schema' | 'db'
  /** Auth the schema declares (its `auth` key and resources' `access`); absent when none. */
  readonly auth?: SchemaAuth | undefined
}

/** Who may read and write a resource: anyone, logged-in users, the owner, or nobody. */
export type AccessLevel = 'anyone' | 'logged-in' | 'owner' | 'nobody'

export type SchemaAuth = {
  /** The resource holding users. */
  readonly users: string
  /** The field users log in with. */
  readonly login: string
  /** The field holding the password (stored as a bcrypt hash). */
  readonly password: string
  /** Per resource with `access`: its rule. */
  readonly rules: ReadonlyMap<string, { readonly read: AccessLevel; readonly write: AccessLevel }>
  /** Per owned resource: the `ref` field naming its owner. */
  readonly owners: ReadonlyMap<string, string>
}

/** How a schema or plain db is read: json-server's `--id` and `--foreignKeySuffix`. */
export type SchemaOptions = {
  /** The field that identifies items (default `id`). */
  readonly idKey?: string
  /** How a plain db names references: `Id` (`postId`, the default) or `_id` (`post_id`). */
  readonly foreignKeySuffix?: string
}

export const DEFAULT_ID_KEY = 'id'
export const DEFAULT_FOREIGN_KEY_SUFFIX = 'Id'

/** What schema validation needs to know about faker; implemented in src/generate. */
export interface FakerCatalog {
  /** Whether `module.method` names one of faker's public methods. */
  has(path: string): boolean
  /** The closest valid `module.method` for a typo, if one is close enough. */
  suggest(path: string): string | undefined
  /**
   * The JSON type the method returns for these args (sampled; `undefined` when samples mix types),
   * or a message saying why it cannot be used.
   */
  sampleType(call: FakerCall): JsonType | undefined | { readonly error: string }
  /**
   * Why strings satisfying these constraints cannot be made from their `pattern` (with faker's
   * `helpers.fromRegExp`) or `format`, naming the keyword; `undefined` when they can.
   */
  stringsProblem(
    constraints: Constraints,
  ): { readonly key: 'pattern' | 'format'; readonly message: string } | undefined
  /**
   * For a catalog that answers from a table made when fauxrest was built and loads faker only for
   * what the table lacks: whether an answer given since the last `load()` was a stand-in, so the
   * check that asked must run again once `load()` resolves (see checkWithCatalog).
   */
  missed?(): boolean
  /** Loads faker, after which every answer is exact. */
  load?(): Promise<void>
}
