// The command line's refusals: one wording per refusal from the engine's reader, a scenario's
// mistake at run time named in the scenario file, and the options parseArgs reads.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { cli, scratchFolder } from './runCli.ts'
import { ROOT, readText } from '../helpers.ts'

const { file: tmpFile } = scratchFolder('practica-cli-refusals-')

const EXAMPLE = `${ROOT}tests/golden/spec-worked-example`
const RUNTIME = `${ROOT}tests/fixtures/runtime-error`
const TOO_LARGE =
  '(file): the file is larger than 5 MB; Practica files are far smaller, so this is not one'

/** A valid attempt file padded with spaces past 5 MB: only its size is wrong. */
function largeAttempt(): string {
  const attempt = readText('tests/golden/spec-worked-example/attempt.json')
  return tmpFile('large-attempt.json', attempt + ' '.repeat(5 * 1024 * 1024))
}

describe('command line refusals', () => {
  it('score says an attempt file over 5 MB is over 5 MB, not that it is not JSON', () => {
    const file = largeAttempt()
    const r = cli('score', `${EXAMPLE}/scenario.json`, file)
    expect(r.status).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toBe(`${file}: ${TOO_LARGE}\n`)
  })

  it('export says the same of an attempt file over 5 MB', () => {
    const file = largeAttempt()
    const r = cli('export', '--format', 'json', `${EXAMPLE}/scenario.json`, file)
    expect(r.status).toBe(1)
    expect(r.err).toBe(`${file}: ${TOO_LARGE}\n`)
  })

  it('validate says the same of a scenario file over 5 MB', () => {
    const file = tmpFile('large-scenario.json', '{}' + ' '.repeat(5 * 1024 * 1024))
    const r = cli('validate', file)
    expect(r.status).toBe(1)
    expect(r.err).toBe(`${file}: ${TOO_LARGE}\n`)
  })

  it('score refuses a scenario file given as the attempt by its format', () => {
    const r = cli('score', `${EXAMPLE}/scenario.json`, `${EXAMPLE}/scenario.json`)
    expect(r.status).toBe(1)
    expect(r.err).toBe(
      `${EXAMPLE}/scenario.json: format: format must be "practica.attempt/1" (the only version this Practica supports)\n`,
    )
  })

  it('validate refuses an attempt file given as the scenario by its format', () => {
    const r = cli('validate', `${EXAMPLE}/attempt.json`)
    expect(r.status).toBe(1)
    expect(r.err).toBe(
      `${EXAMPLE}/attempt.json: format: format must be "practica.scenario/1" (the only version this Practica supports)\n`,
    )
  })
})

describe('a scenario mistake at run time', () => {
  const MISTAKE = `${RUNTIME}/scenario.json: components[3].on.press[1].set.mode: the scenario set "mode" to "b", which is not one of its states (a, c)\n`

  it('the fixture scenario is valid, so the mistake is found only while running', () => {
    expect(cli('validate', `${RUNTIME}/scenario.json`).status).toBe(0)
  })

  it('score exits 1 naming the scenario file and the path of the mistake', () => {
    const r = cli('score', `${RUNTIME}/scenario.json`, `${RUNTIME}/attempt.json`)
    expect(r.status).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toBe(MISTAKE)
  })

  it('export exits 1, prints nothing on stdout, and names the mistake the same way', () => {
    const r = cli('export', '--format=csv', `${RUNTIME}/scenario.json`, `${RUNTIME}/attempt.json`)
    expect(r.status).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toBe(MISTAKE)
  })

  it('solve exits 1 naming the mistake it met while searching, where the scenario writes it', () => {
    // the source starts at b, so the first press already sets mode to a state it does not have
    const text = readText('tests/fixtures/runtime-error/scenario.json')
      .replace('"states": ["a", "b"]', '"states": ["b", "a"]')
      .replace('"if": "presses >= 2"', '"if": "presses >= 1"')
    const file = tmpFile('mistake-at-once.json', text)
    const r = cli('solve', file)
    expect(r.status).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toBe(
      `${file}: components[3].on.press[1].set.mode: the scenario set "mode" to "b", which is not one of its states (a, c)\n`,
    )
  })

  it('runs as npm run -s cli with exit status 1, not as a bug in Practica', () => {
    const r = spawnSync(
      'npm',
      ['run', '-s', 'cli', '--', 'score', `${RUNTIME}/scenario.json`, `${RUNTIME}/attempt.json`],
      { cwd: ROOT, encoding: 'utf8' },
    )
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(MISTAKE)
  })
})

describe('options', () => {
  it('export reads --format=csv as --format csv', () => {
    const scenario = `${EXAMPLE}/scenario.json`
    const attempt = `${EXAMPLE}/attempt.json`
    const joined = cli('export', '--format=csv', scenario, attempt)
    expect(joined.status).toBe(0)
    expect(joined.out).toBe(cli('export', '--format', 'csv', scenario, attempt).out)
  })

  it('export takes its files before or after --format', () => {
    const after = cli('export', `${EXAMPLE}/scenario.json`, '--format', 'moodle')
    expect(after.status).toBe(0)
    expect(after.out).toContain('Parent ID number')
    expect(after.out).toBe(cli('export', '--format', 'moodle', `${EXAMPLE}/scenario.json`).out)
  })

  it('a command other than export refuses --format with the usage', () => {
    const r = cli('validate', '--format', 'csv', `${EXAMPLE}/scenario.json`)
    expect(r.status).toBe(2)
    expect(r.err).toMatch(/^unknown command or wrong arguments: validate --format csv /)
  })

  it('-h and --help print the usage', () => {
    for (const flag of ['-h', '--help']) {
      const r = cli(flag)
      expect(r.status).toBe(2)
      expect(r.err).toMatch(/^usage: npm run -s cli/)
    }
  })

  it('a file named after -- is a file, not an option', () => {
    const r = cli('validate', '--', `${EXAMPLE}/scenario.json`)
    expect(r.status).toBe(0)
    expect(r.out).toBe(`${EXAMPLE}/scenario.json: valid\n`)
  })
})
