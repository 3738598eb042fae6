import { AppError } from '../../errors.ts'
import type { OpenApiBinding } from '../../openapi-import/binding.ts'
import type { AppOptions } from '../../app-options.ts'
import type { Context } from 'hono'
import type { Answer } from '../route.ts'
import { answerOperation } from './answer-operation.ts'
import type { RequestScope } from '../session/request-scope.ts'
import { checkParameters } from './check-parameters.ts'
import { checkCredentials, type CredentialCheck } from './credentials.ts'
import type { AuthConfig } from '../../auth/auth-config.ts'
import { checkPassword } from '../../auth/passwords.ts'
import { verifyToken } from '../auth/tokens.ts'
import { errorAnswer } from './error-answer.ts'
import { operationMatcher } from './match-operation.ts'

export type OpenApiStageDeps = {
  readonly options: AppOptions
  readonly binding: OpenApiBinding
  /** With auth configured, the document's security schemes need real credentials. */
  readonly auth?: AuthConfig | undefined
}

/**
 * The stage that serves an OpenAPI document's paths. It runs before fauxrest's resource routes and
 * returns `undefined` for every request the document does not describe, which they then answer.
 * Errors of a matched operation are answered in the document's error shape.
 */
export function openApiStage(
  deps: OpenApiStageDeps,
): (c: Context, segments: readonly string[], scope: RequestScope) => Answer | undefined {
  const match = operationMatcher(deps.binding)
  // `segments`: the decoded path inside the API's prefix (and the session's)
  return (c, segments, scope) => {
    const operationDeps = {
      store: scope.db,
      options: deps.options,
      answers: deps.binding.answers,
      checkBody: deps.binding.checkBody,
    }
    const check = deps.auth === undefined ? undefined : credentialCheck(deps.auth, scope)
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
    const found = match(method, segments)
    if (found === undefined || (method === 'OPTIONS' && 'allow' in found)) return undefined
    if ('allow' in found) {
      throw new AppError(
        'method_not_allowed',
        `${method} is not allowed here. Allowed: ${found.allow}.`,
        {
          headers: { Allow: found.allow },
        },
      )
    }
    const run = async (): Promise<Response> => {
      try {
        await checkCredentials(c, found.op, check)
        checkParameters(c, found.op, found.params, deps.binding.checkBody)
        return await answerOperation(c, found, operationDeps)
      } catch (error) {
        return errorAnswer(c, found.op, error)
      }
    }
    return run()
  }
}

/** Tokens fauxrest issued and users' passwords, as the auth routes check them. */
function credentialCheck(config: AuthConfig, scope: RequestScope): CredentialCheck {
  const { db, session } = scope
  return {
    token: async (token) => (await verifyToken(token, config, session)).caller !== undefined,
    basic: async (login, password) => {
      const user = db.list(config.users).find((row) => row[config.login] === login)
      return user !== undefined && checkPassword(password, user[config.password])
    },
  }
}
