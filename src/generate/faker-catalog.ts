import type { Faker } from '@faker-js/faker'
import { englishFaker } from './english-faker.ts'
import type { JsonValue } from '../json.ts'
import { commonJsonType, jsonTypeOf } from '../schema/json-type.ts'
import type { FakerCall, FakerCatalog, JsonType } from '../schema/types.ts'
import { callKey } from './faker-table.ts'
import { stringsProblem } from './strings-problem.ts'
import { suggestPath } from './suggest-path.ts'

type Method = (...args: unknown[]) => unknown
type SampleResult = ReturnType<FakerCatalog['sampleType']>

// Members of a Faker instance that are not data modules.
const NOT_MODULES: ReadonlySet<string> = new Set(['fakerCore', 'rawDefinitions', 'definitions'])
const SAMPLES = 8
const SAMPLE_SEED = 1
const SAMPLE_REF_DATE = '2025-01-01T00:00:00.000Z'

let cachedMethods: ReadonlyMap<string, ReadonlySet<string>> | undefined

/** Faker's public modules and their public methods, discovered once from a Faker instance. */
function publicMethods(): ReadonlyMap<string, ReadonlySet<string>> {
  if (cachedMethods !== undefined) return cachedMethods
  const faker = englishFaker()
  const modules = new Map<string, ReadonlySet<string>>()
  for (const name of Object.keys(faker).toSorted()) {
    if (name.startsWith('_') || NOT_MODULES.has(name)) continue
    const module: unknown = Reflect.get(faker, name)
    if (typeof module !== 'object' || module === null) continue
    const methods = methodNames(module)
    if (methods.size > 0) modules.set(name, methods)
  }
  cachedMethods = modules
  return modules
}

function methodNames(module: object): ReadonlySet<string> {
  const names = new Set<string>()
  for (let level: object | null = module; level !== null && level !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(level)) {
      if (name.startsWith('_') || name === 'constructor') continue
      if (typeof Reflect.get(module, name) === 'function') names.add(name)
    }
    level = Object.getPrototypeOf(level) as object | null
  }
  return new Set([...names].toSorted())
}

function splitPath(path: string): [string, string] | undefined {
  const parts = path.split('.')
  return parts.length === 2 && parts[0] !== undefined && parts[1] !== undefined
    ? [parts[0], parts[1]]
    : undefined
}

function isPublicPath(path: string): boolean {
  const parts = splitPath(path)
  return parts !== undefined && publicMethods().get(parts[0])?.has(parts[1]) === true
}

/** Every public `module.method` path, sorted by module then method. */
export function fakerPaths(): string[] {
  return [...publicMethods()].flatMap(([module, names]) => [...names].map((m) => `${module}.${m}`))
}

/** The public faker method at `module.method`, bound to its module; `undefined` for anything else. */
export function fakerMethod(faker: Faker, path: string): Method | undefined {
  const parts = splitPath(path)
  if (parts === undefined || !isPublicPath(path)) return undefined
  const module: unknown = Reflect.get(faker, parts[0])
  if (typeof module !== 'object' || module === null) return undefined
  const method: unknown = Reflect.get(module, parts[1])
  return typeof method === 'function' ? (method.bind(module) as Method) : undefined
}

/** Converts what a faker method returns into JSON: dates become ISO strings, bigints numbers. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'bigint') {
    const asNumber = Number(value)
    return Number.isSafeInteger(asNumber) ? asNumber : value.toString()
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (Array.isArray(value)) return value.map((item: unknown) => toJsonValue(item))
  if (isPlainObject(value)) {
    // fromEntries defines own properties, so a `__proto__` key cannot replace the prototype
    return Object.fromEntries(
      Object.entries(value).map(([key, item]): [string, JsonValue] => [key, toJsonValue(item)]),
    )
  }
  return String(value)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** The catalog schema validation uses: which paths exist, suggestions, and sampled return types. */
export function createFakerCatalog(): FakerCatalog {
  let sampler: Faker | undefined
  const sampled = new Map<string, SampleResult>()
  const allPaths = fakerPaths()

  return {
    has: isPublicPath,
    suggest: (path) => suggestPath(path, allPaths),
    sampleType(call: FakerCall) {
      const key = callKey(call)
      if (!sampled.has(key)) {
        sampler ??= englishFaker()
        sampler.seed(SAMPLE_SEED)
        sampler.setDefaultRefDate(SAMPLE_REF_DATE)
        sampled.set(key, sampleWith(sampler, call))
      }
      return sampled.get(key)
    },
    stringsProblem(constraints) {
      sampler ??= englishFaker()
      sampler.seed(SAMPLE_SEED)
      sampler.setDefaultRefDate(SAMPLE_REF_DATE)
      return stringsProblem(sampler, constraints)
    },
  }
}

function sampleWith(faker: Faker, call: FakerCall): SampleResult {
  const method = fakerMethod(faker, call.path)
  if (method === undefined) return { error: `unknown faker method "${call.path}"` }
  const types: JsonType[] = []
  for (let index = 0; index < SAMPLES; index++) {
    let result: unknown
    try {
      result = method(...structuredClone(call.args))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return call.args.length > 0
        ? { error: `faker rejects the args for "${call.path}": ${reason}` }
        : { error: `"${call.path}" fails without args: ${reason}` }
    }
    if (result === undefined || typeof result === 'function') {
      return { error: `"${call.path}" returns no JSON value with these args` }
    }
    types.push(jsonTypeOf(toJsonValue(result)))
  }
  return commonJsonType(types)
}
