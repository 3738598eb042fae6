import type { JsonObject } from '../json.ts'
import type { AuthConfig } from './auth-config.ts'

/** json-server-auth's email shape: something@domain, with DNS-style labels. */
const EMAIL_SHAPE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

export const MIN_PASSWORD_LENGTH = 4

/**
 * What is wrong with the login name and password of a register, login or user update, in
 * json-server-auth's words (front ends match on them); `undefined` when nothing is. `required`:
 * both must be there (register, log-in, PUT), not only checked when present (PATCH).
 */
export function credentialProblem(
  config: AuthConfig,
  body: JsonObject,
  required: boolean,
): string | undefined {
  const login = body[config.login]
  const password = body[config.password]
  if (required && (!filled(login) || !filled(password))) {
    return `${capitalised(config.login)} and ${config.password} are required.`
  }
  if (login !== undefined && typeof login !== 'string') return `${config.login} must be a string.`
  if (password !== undefined && typeof password !== 'string') {
    return `${config.password} must be a string.`
  }
  if (typeof login === 'string' && isEmailField(config) && !EMAIL_SHAPE.test(login)) {
    return 'Email format is invalid.'
  }
  if (typeof password === 'string' && password.length < MIN_PASSWORD_LENGTH) {
    return `Password is too short (at least ${MIN_PASSWORD_LENGTH} characters).`
  }
  return undefined
}

function isEmailField(config: AuthConfig): boolean {
  return config.login.toLowerCase().includes('email')
}

function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== ''
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
