import { crudContract } from '../http/contracts/crud.ts'
import { contractOnWorkers } from './worker-harness.ts'

// The Node server's reads and writes, with the same expectations, against the Worker under
// workerd with its data in a Durable Object's SQLite storage.
contractOnWorkers(crudContract)
