import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.ts'
import { ROOT, expectClose, readText } from '../helpers.ts'

function cli(...args: string[]): { status: number; out: string; err: string } {
  let out = ''
  let err = ''
  const status = runCli(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') })
  return { status, out, err }
}

const tmp = mkdtempSync(join(tmpdir(), 'practica-cli-'))
function tmpFile(name: string, content: string): string {
  const path = join(tmp, name)
  writeFileSync(path, content)
  return path
}

const EXAMPLE = 'tests/golden/spec-worked-example'

describe('command line', () => {
  it('validate exits 0 when every file is valid', () => {
    const r = cli('validate', `${ROOT}scenarios/conveyor-loto.json`)
    expect(r.status).toBe(0)
    expect(r.err).toBe('')
  })

  it('validate skips the published JSON Schema, so validate scenarios/*.json works', () => {
    const r = cli(
      'validate',
      `${ROOT}scenarios/scenario.schema.json`,
      `${ROOT}scenarios/conveyor-loto.json`,
    )
    expect(r.status).toBe(0)
    expect(r.out).toMatch(
      /scenario\.schema\.json: skipped \(the JSON Schema of scenario files, not a scenario\)/,
    )
  })

  it('validate prints FILE: json.path: message for each problem and exits 1', () => {
    const broken = tmpFile(
      'broken.json',
      readText('scenarios/conveyor-loto.json').replace(
        '"target": "isolator", "value": "off"',
        '"target": "isolater", "value": "off"',
      ),
    )
    const r = cli('validate', `${ROOT}scenarios/conveyor-loto.json`, broken)
    expect(r.status).toBe(1)
    expect(r.err).toBe(
      `${broken}: steps[4].action.target: unknown component "isolater" (did you mean "isolator"?)\n`,
    )
  })

  it('validate says plainly when a file cannot be read or is not JSON', () => {
    const r = cli('validate', join(tmp, 'missing.json'), tmpFile('bad.json', '{"a": }'))
    expect(r.status).toBe(1)
    expect(r.err.split('\n')).toEqual([
      `${join(tmp, 'missing.json')}: (file): cannot read it: no such file`,
      `${join(tmp, 'bad.json')}: (file): not valid JSON: line 1, column 7: unexpected character "}" where a value was expected`,
      '',
    ])
  })

  it('score prints the result JSON of the worked example', () => {
    const r = cli('score', `${ROOT}${EXAMPLE}/scenario.json`, `${ROOT}${EXAMPLE}/attempt.json`)
    expect(r.status).toBe(0)
    expectClose(JSON.parse(r.out), JSON.parse(readText(`${EXAMPLE}/expected.json`)))
  })

  it('score refuses an attempt with an invalid event, naming its index, and exits 1', () => {
    const attempt = readText(`${EXAMPLE}/attempt.json`).replace(
      '"action": "press", "target": "radio"',
      '"action": "press", "target": "radi0"',
    )
    const file = tmpFile('bad-attempt.json', attempt)
    const r = cli('score', `${ROOT}${EXAMPLE}/scenario.json`, file)
    expect(r.status).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toBe(
      `${file}: events[2]: event 2 is invalid: unknown component "radi0" (did you mean "radio"?)\n`,
    )
  })

  it('solve prints an assessment attempt that scores every step', () => {
    const r = cli('solve', `${ROOT}scenarios/conveyor-loto.json`)
    expect(r.status).toBe(0)
    const attempt = tmpFile('solution.json', r.out)
    const scored = cli('score', `${ROOT}scenarios/conveyor-loto.json`, attempt)
    const result = JSON.parse(scored.out)
    expect(
      result.steps.every((s: { earned: number; points: number }) => s.earned === s.points),
    ).toBe(true)
    expect(result.hazards).toEqual([])
  })

  it('solve prints unsolvable: with the reason and exits 1', () => {
    const text = readText('scenarios/conveyor-loto.json').replace(
      '"when": "guard == \'open\' && glasses != \'worn\'"',
      '"when": "glasses != \'worn\'"',
    )
    const r = cli('solve', tmpFile('unsolvable.json', text))
    expect(r.status).toBe(1)
    expect(r.err).toBe(
      'unsolvable: hazard "no-glasses" is already true at the start, so every attempt triggers it\n',
    )
  })

  it('shows the usage for an unknown command', () => {
    const r = cli('grade', 'x')
    expect(r.status).toBe(2)
    expect(r.err).toMatch(/^unknown command or wrong arguments: grade x\nusage: npm run -s cli/)
  })

  it('runs as npm run -s cli, with exit status 1 and no stack trace for bad input', () => {
    const bad = tmpFile('hostile.json', '{"__proto__": {"polluted": true}}')
    const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'validate', bad], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      `${bad}: (file): not valid JSON: line 1, column 2: the key "__proto__" is not allowed in Practica files\n`,
    )
  })
})
