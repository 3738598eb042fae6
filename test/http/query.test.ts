import { queryContract } from './contracts/query.ts'
import { openNodeTarget } from './target.ts'

queryContract(openNodeTarget)
