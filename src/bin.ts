#!/usr/bin/env node
import { runProcess } from './cli/run-process.ts'

process.exitCode = await runProcess()
