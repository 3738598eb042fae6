import { credentialProblem } from '../../auth/credentials.ts'
import { isOwner, ownerField } from '../../auth/may-read.ts'
import { hashPassword } from '../../auth/passwords.ts'
import { AppError } from '../../errors.ts'
import type { Id, JsonObject, Row } from '../../json.ts'
import type { WriteKind } from '../../validate/validate-write.ts'
import { ruleOf, type RequestAuth } from './request-auth.ts'

/** What auth does to a write once its target exists: owner checks, hashing users' passwords. */
export type WriteGuard = {
  /** A POST body, with its owner set when the resource is owned and the body names none. */
  create(resource: string, body: JsonObject): Promise<JsonObject>
  /** A PUT or PATCH body (`undefined` for DELETE) on `row`, checked against the item's owner. */
  change(
    resource: string,
    row: Row,
    body: JsonObject | undefined,
    kind: WriteKind,
  ): Promise<JsonObject | undefined>
  /** A stored row as the answer shows it. */
  present(resource: string, row: Row): Row
}

export function writeGuard(auth: RequestAuth, userId: (id: string) => Id | undefined): WriteGuard {
  const { config } = auth
  const owned = (resource: string): boolean => ruleOf(auth, resource).write === 'owner'
  // The caller's id as stored (a number for integer ids), for the owner field of new items.
  const callerId = (): Id => {
    const id = auth.caller?.id ?? ''
    return userId(id) ?? id
  }
  const checkOwnerField = (resource: string, body: JsonObject, fill: boolean): JsonObject => {
    const field = ownerField(config, resource)
    if (resource === config.users) return body
    const named = body[field]
    if (named === undefined || named === null) return fill ? { ...body, [field]: callerId() } : body
    if (String(named) !== auth.caller?.id) {
      throw new AppError(
        'forbidden',
        `Private resource: "${field}" must be your own id (${auth.caller?.id ?? 'none'}).`,
      )
    }
    return body
  }
  return {
    async create(resource, body) {
      return owned(resource) ? checkOwnerField(resource, body, true) : body
    },
    async change(resource, row, body, kind) {
      if (owned(resource) && !isOwner(config, resource, row, auth.caller)) {
        throw new AppError('forbidden', 'Private resource: the item belongs to another user.')
      }
      if (body === undefined) return undefined
      let checked = owned(resource) ? checkOwnerField(resource, body, kind === 'replace') : body
      if (resource === config.users) checked = await userChange(checked, kind)
      return checked
    },
    present: (resource, row) => auth.visibility.present(resource, row),
  }

  // As json-server-auth: a user's PUT needs both fields, a PATCH checks those it has; passwords
  // are stored hashed.
  async function userChange(body: JsonObject, kind: WriteKind): Promise<JsonObject> {
    const problem = credentialProblem(config, body, kind === 'replace')
    if (problem !== undefined) throw new AppError('bad_request', problem)
    const password = body[config.password]
    if (typeof password !== 'string') return body
    return { ...body, [config.password]: await hashPassword(password, config.cost) }
  }
}
