import {
  DATABASE_BINDING,
  DATABASE_CLASS,
  SESSION_BINDING,
  SESSION_CLASS,
} from './worker-bindings.ts'

/** The date the Worker is written for: that of the workerd the project's tests run it under. */
export const COMPATIBILITY_DATE = '2026-04-24'

/** A Worker name as Cloudflare takes it (lower-case letters, digits, dashes) from a file name. */
export function workerName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')
  const name = base
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 54)
  return name === '' ? 'fauxrest' : name
}

/** The Worker's Durable Object bindings as miniflare takes them (wrangler.jsonc declares the same). */
export function objectBindings(
  stateless: boolean,
): Record<string, { readonly className: string; readonly useSQLite: true }> {
  if (stateless) return {}
  return {
    [DATABASE_BINDING]: { className: DATABASE_CLASS, useSQLite: true },
    [SESSION_BINDING]: { className: SESSION_CLASS, useSQLite: true },
  }
}

/**
 * wrangler.jsonc for the Worker: its module, and with state the Durable Object binding and the
 * migration that makes its class SQLite-backed. Fields as Cloudflare's Wrangler configuration
 * documents them.
 */
export function wranglerConfig(name: string, stateless: boolean): string {
  const config = {
    name,
    main: 'worker.js',
    compatibility_date: COMPATIBILITY_DATE,
    ...(stateless
      ? {}
      : {
          durable_objects: {
            bindings: [
              { name: DATABASE_BINDING, class_name: DATABASE_CLASS },
              { name: SESSION_BINDING, class_name: SESSION_CLASS },
            ],
          },
          migrations: [
            { tag: 'v1', new_sqlite_classes: [DATABASE_CLASS] },
            { tag: 'v2', new_sqlite_classes: [SESSION_CLASS] },
          ],
        }),
  }
  const what = stateless
    ? 'stateless (fake writes or read-only): no Durable Object'
    : `the database in a Durable Object (${DATABASE_CLASS}), each session in one of its own (${SESSION_CLASS}), with SQLite storage`
  return `// Written by fauxrest worker: ${what}.\n// Deploy with \`npx wrangler deploy\` in this folder.\n${JSON.stringify(config, null, 2)}\n`
}

/** The project's README: what it is and the one command left. */
export function workerReadme(name: string, source: string, stateless: boolean): string {
  const state = stateless
    ? 'It keeps no state: every request is answered from the data built into `worker.js`.'
    : `Its data lives in a Durable Object with SQLite storage, generated from the schema's seed on first use; \`GET /db\` exports it and \`POST /_import\` loads a json-server file.`
  return `# ${name}

The mock API of \`${source}\`, as a Cloudflare Worker written by \`fauxrest worker\`. ${state}

Deploy: \`npx wrangler deploy\` in this folder (wrangler reads \`wrangler.jsonc\`; \`worker.js\` is one ES module with no imports).
`
}
