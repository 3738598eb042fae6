import { queryContract } from '../http/contracts/query.ts'
import { contractOnWorkers } from './worker-harness.ts'

// The Node server's queries (both dialects, nested routes, errors), with the same expectations, against the Worker under
// workerd with its data in a Durable Object's SQLite storage.
contractOnWorkers(queryContract)
