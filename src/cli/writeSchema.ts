// Writes scenarios/scenario.schema.json from the engine's zod schema (npm run schema).
import { writeFileSync } from 'node:fs'
import { getScenarioJsonSchema } from '../core/index.ts'

const SCHEMA_FILE = new URL('../../scenarios/scenario.schema.json', import.meta.url)

writeFileSync(SCHEMA_FILE, getScenarioJsonSchema())
process.stdout.write(`wrote ${SCHEMA_FILE.pathname}\n`)
