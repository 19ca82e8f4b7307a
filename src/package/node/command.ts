// `npm run -s cli -- package scorm12|cmi5 SCENARIO [--out FILE] [--mode assessment|practice]
// [--activity-base IRI]`:
// the scenario (checked as `validate` checks it) with the AU built for it, zipped as an LMS takes
// it: SCORM 1.2 with its imsmanifest.xml, cmi5 with its cmi5.xml.
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { zipSync } from 'fflate'
import {
  ACTIVITY_BASE_WORDS,
  activityBaseProblem,
  normalActivityBase,
  type Mode,
  type Model,
} from '../../core/index.ts'
import { openScenario, readBytes, type Io } from '../../cli/files.ts'
import { CONFIG_FILE, SCENARIO_FILE, type PackageConfig, type PackageKind } from '../config.ts'
import { cmi5CourseStructure, scorm12Manifest } from '../manifests.ts'
import { buildAu, listFiles, packageBuildFolder } from './build.ts'

export const PACKAGE_USAGE = `package scorm12|cmi5 SCENARIO [--out FILE] [--mode assessment|practice]
        [--activity-base IRI]
                             write the scenario as a SCORM 1.2 or cmi5 package (a zip) for an
                             LMS such as Moodle; its attempts are in assessment mode unless
                             --mode says otherwise; the zip is SCENARIO-ID.scorm12.zip (or
                             .cmi5.zip) unless --out names it; cmi5's course and AU are named
                             under your school's base IRI when --activity-base gives it
                             (as the server's statements are), else by a urn:practica: IRI`

const KINDS: readonly PackageKind[] = ['scorm12', 'cmi5']

/** The zip's files: the AU, the scenario's own bytes, the config and the LMS's manifest. */
export function packageFiles(
  kind: PackageKind,
  model: Model,
  scenarioBytes: Uint8Array,
  mode: Mode,
  auFolder: string,
  activityBase?: string,
): Record<string, Uint8Array> {
  const encoder = new TextEncoder()
  const files: Record<string, Uint8Array> = {}
  for (const path of listFiles(auFolder)) files[path] = readFileSync(join(auFolder, path))
  files[SCENARIO_FILE] = scenarioBytes
  const config: PackageConfig = { kind, mode }
  files[CONFIG_FILE] = encoder.encode(JSON.stringify(config) + '\n')
  if (kind === 'scorm12')
    files['imsmanifest.xml'] = encoder.encode(scorm12Manifest(model, Object.keys(files)))
  else files['cmi5.xml'] = encoder.encode(cmi5CourseStructure(model, activityBase))
  return files
}

/** Runs the command on its arguments (those after `package`); returns the exit status. */
export function packageCommand(args: readonly string[], io: Io, usage: string): number {
  let parsed
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        out: { type: 'string' },
        mode: { type: 'string' },
        'activity-base': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (e) {
    // node's message goes on about positionals starting with '-': its first sentence says it
    io.err(`package: ${(e as Error).message.split('. ')[0]}\n${usage}`)
    return 2
  }
  const [kind, scenarioFile, ...rest] = parsed.positionals
  const mode = parsed.values.mode ?? 'assessment'
  if (!KINDS.includes(kind as PackageKind) || scenarioFile === undefined || rest.length > 0) {
    io.err(`package: name the kind (scorm12 or cmi5) and one scenario file\n${usage}`)
    return 2
  }
  if (mode !== 'assessment' && mode !== 'practice') {
    io.err(`package: --mode is assessment or practice, not "${mode}"`)
    return 2
  }
  const base = parsed.values['activity-base']
  const baseProblem = base === undefined ? undefined : activityBaseProblem(base)
  if (baseProblem !== undefined) {
    io.err(`package: --activity-base: ${ACTIVITY_BASE_WORDS[baseProblem]}`)
    return 2
  }
  const model = openScenario(io, scenarioFile, 'catalogue')
  if (!model) return 1
  const bytes = readBytes(scenarioFile)
  if (!bytes.ok) return 1
  const folder = packageBuildFolder()
  const failed = buildAu(folder)
  if (failed !== undefined) {
    io.err(`package: building the app for the package failed:\n${failed}`)
    return 1
  }
  const out = parsed.values.out ?? `${model.scenario.id}.${kind}.zip`
  const zip = zipSync(
    packageFiles(
      kind as PackageKind,
      model,
      bytes.value,
      mode,
      folder,
      base && normalActivityBase(base),
    ),
  )
  try {
    writeFileSync(out, zip)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    io.err(
      `${out}: cannot write the package: ${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`,
    )
    return 1
  }
  io.out(
    `${out}: ${kind === 'scorm12' ? 'SCORM 1.2' : 'cmi5'} package of ${basename(scenarioFile)} (${model.scenario.id} ${model.scenario.version}, ${mode} mode, pass mark ${model.scoring.passPercent} %)`,
  )
  return 0
}
