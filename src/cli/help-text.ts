import type { CommandName } from './parse-cli-args.ts'

const MAIN = `fauxrest: a mock REST API from a JSON description of your resources

Usage
  fauxrest [serve] <file> [options]        serve a schema, or a json-server style db file
  fauxrest generate <schema> [--out FILE]  write generated data (stdout without --out)
  fauxrest check <schema>                  validate a schema, print its resources and routes
  fauxrest openapi <schema> [--out FILE]   print the OpenAPI 3.1 document (served at /openapi.json)
  fauxrest types <schema> [--out FILE]     print TypeScript types for every resource
  fauxrest import <openapi> [--out FILE]   write the schema an OpenAPI document is served as
  fauxrest infer <sample> [--out FILE]     write a schema inferred from sample JSON
  fauxrest worker <file> --out DIR         write a Cloudflare Worker project (--dev: serve it here)
  fauxrest <command> --help                options and examples of one command

Examples
  fauxrest data/jsonplaceholder.json --port 3000
  fauxrest db.json                          serve a plain json-server file, writes go back into it
  fauxrest openapi.yaml                     serve an OpenAPI 3.0/3.1 or Swagger 2.0 document
  fauxrest generate schema.json --out db.json --seed 7
  fauxrest infer response.json --out schema.json
`

const SERVE = `fauxrest [serve] <file> [options]

<file> is a schema (a JSON object with "resources"), a plain json-server style database
(top-level arrays and objects), which is served schemaless and written back to the same file, or
an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML), served in its own paths and shapes.
As in json-server it may also be a JavaScript module returning a database, or an http(s):// URL
of one (read once, served in memory unless --db names a file).

Options
  -p, --port N            port; 0 picks a free one                       (3000)
  -H, --host H            interface to listen on                        (127.0.0.1)
      --db PATH           database file for a schema, or :memory:       (./db.json)
      --seed N            faker seed                                    (schema's seed, else 1)
      --reset             regenerate the database, discarding what it holds
      --read-only, --ro   every write answers 405
      --fake-writes       validate and answer writes, change nothing (JSONPlaceholder)
      --delete MODE       DELETE answers: empty (200 {}), no-content (204), item (200 + item)
  -d, --delay MS|MIN-MAX  add latency to every answer
      --no-cors, --nc     disable CORS (on for any origin by default)
  -w, --watch             reload when the schema or database file changes on disk
  -s, --static DIR        serve static files                            (./public if present)
      --body-limit BYTES  largest request body                          (1048576)
  -q, --quiet             no request log
      --base PATH         serve the whole API under a prefix (/api/v1); / redirects there
  -i, --id NAME           the field that identifies items, as json-server  (id)
  -r, --routes FILE       json-server's routes file: URL rewrites, applied first
  -m, --middlewares FILE… Hono middleware modules, run in order before the router
  -S, --snapshots DIR     where s + Enter saves a snapshot of the database      (.)
      --foreignKeySuffix SUFFIX, --fks SUFFIX
                          how a plain db names references: Id (postId) or _id (post_id)
      --auth              json-server-auth: POST /register and /login, bearer tokens,
                          guards (/640/posts, { "posts": 640 } in --routes); on by itself
                          when the schema declares auth or the routes file has guards
      --jwt-secret S      HS256 secret of the tokens          (json-server-auth's own)
      --jwt-expires-in T  token lifetime: seconds, or 30m, 1h, 7d              (1h)
      --max-sessions N    live sessions at most (Fauxrest-Session header,
                          /_sessions/NAME/ prefix); one more answers 503  (1000)
      --session-idle T    drop a session unused this long: seconds, or 30m, 1h  (30m)

Examples
  fauxrest data/jsonplaceholder.json
  fauxrest serve schema.json --db fixtures/db.json --port 0 --quiet
  fauxrest schema.json --reset --seed 42 --delay 200-800
  fauxrest db.json --routes routes.json --jwt-secret s3cret --jwt-expires-in 8h
  fauxrest db.json --base /api --static dist
`

const GENERATE = `fauxrest generate <schema> [--out FILE] [--seed N]

Generates the database a schema describes. The same schema and seed give byte-identical data.

Examples
  fauxrest generate data/jsonplaceholder.json --out db.json
  fauxrest generate schema.json --seed 7 > fixtures/db.json
`

const CHECK = `fauxrest check <schema>

Validates a schema (or a plain db file) and prints its resources and routes. Every problem is
reported with its JSON path; the exit code is 1 when there is any.

Example
  fauxrest check data/jsonplaceholder.json
`

const OPENAPI = `fauxrest openapi <schema> [--out FILE] [--seed N]

Prints the OpenAPI 3.1 document of every route the schema gets, with examples from the data it
generates (with the schema's seed, or --seed); a plain db file gives its own items as examples.
Its server is http://127.0.0.1:3000; a running server also answers GET /openapi.json.

Examples
  fauxrest openapi data/jsonplaceholder.json --out openapi.json
  fauxrest openapi db.json > openapi.json
`

const TYPES = `fauxrest types <schema> [--out FILE] [--auth]

Prints TypeScript interfaces for every resource (item, create and update variants). With auth
(declared in the schema, or --auth for a json-server-auth db) it adds RegisterRequest,
LoginRequest, AuthResponse and AccessTokenClaims, and the users' item type has no password.

Examples
  fauxrest types data/jsonplaceholder.json --out src/api-types.ts
  fauxrest types db.json --auth > api-types.ts
`

const IMPORT = `fauxrest import <openapi.yaml|openapi.json> [--out FILE] [--seed N]

Writes the fauxrest schema an OpenAPI 3.0/3.1 (or Swagger 2.0) document is served as: its
resources, fields and faker choices (tune counts, methods and relations there), with the document
kept under "openapi.document" so serving the schema answers in the document's paths and shapes.
Operations that cannot be served are listed on stderr, one line each.

Example
  fauxrest import openapi.yaml --out schema.json && fauxrest schema.json
`

const INFER = `fauxrest infer <sample> [--out FILE] [--name NAME]

Writes a fauxrest schema for sample JSON, printed without --out. The sample is one response (an
object, or an array of objects; its resource is named after the file, or --name) or a whole
json-server database (arrays of items, objects for singular resources). It finds field types,
optional and nullable fields, enums (small sets of repeated values), references (userId -> users;
a resource the sample lacks gets a stand-in) and faker methods from names and values (emails,
URLs, ISO dates, UUIDs, phone numbers, lorem text). Counts are the sample's; change them and run
fauxrest generate or serve the schema. The schema written always passes fauxrest check.

Examples
  curl -s https://jsonplaceholder.typicode.com/db > db.json && fauxrest infer db.json --out schema.json
  fauxrest infer users.json --out schema.json    one response: resource "users"
  fauxrest infer response.json --name orders
`

const WORKER = `fauxrest worker <schema|db.json> --out DIR [options]
fauxrest worker <schema|db.json> --dev [--port N] [--host H] [options]

Writes the mock API as a Cloudflare Worker project: worker.js (one ES module, Swagger UI included),
wrangler.jsonc and README.md; \`npx wrangler deploy\` in DIR is all that is left. The data lives in
a Durable Object with SQLite storage, generated from the schema's seed on first use, and each
session in one of its own; with --fake-writes or --read-only the data is built in and no Durable
Object is used. --dev serves the Worker
under workerd on this machine (needs miniflare: npm install -D miniflare), its state kept in
DIR/state (DIR is .fauxrest-worker without --out).

Options (as for serve)
      --seed N, --read-only, --fake-writes, --delete MODE, -d/--delay MS, --no-cors,
      --body-limit BYTES, -r/--routes FILE, --auth, --jwt-secret S, --jwt-expires-in T,
      -i/--id NAME, --foreignKeySuffix S, --max-sessions N, --session-idle T
  -p, --port N            with --dev: port                                        (8787)
  -H, --host H            with --dev: interface                                   (127.0.0.1)
Refused, one line each: --static, --watch, --middlewares, --db, --reset, --base, --quiet.

Examples
  fauxrest worker data/jsonplaceholder.json --out worker && (cd worker && npx wrangler deploy)
  fauxrest worker data/jsonplaceholder.json --dev --port 8787
  fauxrest worker schema.json --fake-writes --out demo
`

export function helpText(topic: CommandName | undefined): string {
  switch (topic) {
    case 'serve':
      return SERVE
    case 'generate':
      return GENERATE
    case 'check':
      return CHECK
    case 'openapi':
      return OPENAPI
    case 'types':
      return TYPES
    case 'import':
      return IMPORT
    case 'infer':
      return INFER
    case 'worker':
      return WORKER
    default:
      return MAIN
  }
}
