import { crudContract } from './contracts/crud.ts'
import { openNodeTarget } from './target.ts'

crudContract(openNodeTarget)
