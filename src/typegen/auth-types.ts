import type { AuthFields } from '../auth/auth-config.ts'
import { propertyKey } from './field-types.ts'

/**
 * The bodies of json-server-auth's routes: register and log-in requests, and their answer. The
 * users item type they name (`User`) has no password: it is never served.
 */
export function authDeclarations(auth: AuthFields, userType: string): string[] {
  const login = propertyKey(auth.login)
  const password = propertyKey(auth.password)
  const credentials = `{ ${login}: string; ${password}: string }`
  return [
    `/** The body of \`POST /register\` (also \`/signup\` and \`POST /${auth.users}\`): a new user, with its password. */\nexport type RegisterRequest = ${userType}Create & ${credentials}`,
    `/** The body of \`POST /login\` (also \`/signin\`). */\nexport interface LoginRequest {\n  ${login}: string\n  ${password}: string\n}`,
    `/** The answer to a register (201) or a log-in (200): send \`Authorization: Bearer <accessToken>\`. */\nexport interface AuthResponse {\n  accessToken: string\n  user: ${userType}\n}`,
    `/** The claims of an access token (HS256): \`sub\` is the user's id, as text. */\nexport interface AccessTokenClaims {\n  sub: string\n  email?: string\n  iat: number\n  exp: number\n}`,
  ]
}
