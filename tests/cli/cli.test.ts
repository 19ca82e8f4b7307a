import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, scratchFolder } from './runCli.ts'
import { ROOT, expectClose, readText } from '../helpers.ts'

const { dir: tmp, file: tmpFile } = scratchFolder('practica-cli-')

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

  it('score prints one result per line for several attempts, in the order given', () => {
    const zh = `${ROOT}tests/golden-export/attempt-zh.json`
    const r = cli('score', `${ROOT}${EXAMPLE}/scenario.json`, `${ROOT}${EXAMPLE}/attempt.json`, zh)
    expect(r.status).toBe(0)
    expect(r.err).toBe('')
    const lines = r.out.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expectClose(JSON.parse(lines[0]!), JSON.parse(readText(`${EXAMPLE}/expected.json`)))
    expect(JSON.parse(lines[1]!).attempt).toBe('zh-attempt-0002')
  })

  it('score still scores the other attempts when one is refused, and exits 1', () => {
    const broken = tmpFile('broken-one.json', '{"format": "practica.attempt/1"')
    const r = cli(
      'score',
      `${ROOT}${EXAMPLE}/scenario.json`,
      broken,
      `${ROOT}${EXAMPLE}/attempt.json`,
    )
    expect(r.status).toBe(1)
    expect(r.err).toMatch(new RegExp(`^${broken}: \\(file\\): not valid JSON`))
    expect(r.out.trimEnd().split('\n')).toHaveLength(1)
    expectClose(JSON.parse(r.out), JSON.parse(readText(`${EXAMPLE}/expected.json`)))
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

  describe('export', () => {
    const SCENARIO = `${ROOT}${EXAMPLE}/scenario.json`
    const ATTEMPT = `${ROOT}${EXAMPLE}/attempt.json`
    const ZH = `${ROOT}tests/golden-export/attempt-zh.json`

    it('--format csv prints the gradebook of the attempts, byte for byte', () => {
      const r = cli('export', '--format', 'csv', SCENARIO, ATTEMPT, ZH)
      expect(r.status).toBe(0)
      expect(r.err).toBe('')
      expect(r.out === readText('tests/golden-export/conveyor.csv')).toBe(true)
    })

    it('--format xapi prints one JSON array of the statements of every attempt', () => {
      const r = cli('export', '--format=xapi', SCENARIO, ATTEMPT, ZH)
      expect(r.status).toBe(0)
      expect(r.out).toBe(readText('tests/golden-export/conveyor.xapi.json'))
      // 1 + 11 steps + completed + passed + terminated; the pending one has neither passed nor failed
      expect(JSON.parse(r.out)).toHaveLength(15 + 14)
    })

    it('--format json prints one result for one attempt', () => {
      const r = cli('export', '--format', 'json', SCENARIO, ZH)
      expect(r.status).toBe(0)
      expect(r.out).toBe(readText('tests/golden-export/conveyor-zh.result.json'))
    })

    it('--format json prints an array of results for several attempts', () => {
      const r = cli('export', '--format', 'json', SCENARIO, ATTEMPT, ZH)
      expect(r.status).toBe(0)
      const results = JSON.parse(r.out)
      expect(results.map((x: { attempt: string }) => x.attempt)).toEqual([
        '0d8f3a52-4c1e-4b7a-9e55-3f0a1c2b7d10',
        'zh-attempt-0002',
      ])
      expectClose(results[0], JSON.parse(readText(`${EXAMPLE}/expected.json`)))
    })

    it('--format moodle prints the competency framework of the scenario', () => {
      const r = cli('export', '--format', 'moodle', SCENARIO)
      expect(r.status).toBe(0)
      expect(r.out === readText('tests/golden-export/conveyor.moodle.csv')).toBe(true)
    })

    it('prints nothing and exits 1 when an attempt is refused, naming the file and why', () => {
      const other = tmpFile(
        'other-scenario.json',
        readText(`${EXAMPLE}/attempt.json`).replace(
          '"id": "conveyor-loto"',
          '"id": "pump-startup"',
        ),
      )
      const broken = tmpFile('broken-attempt.json', '{"format": "practica.attempt/1"')
      const r = cli('export', '--format', 'csv', SCENARIO, ATTEMPT, other, broken)
      expect(r.status).toBe(1)
      expect(r.out).toBe('')
      const lines = r.err.trimEnd().split('\n')
      expect(lines).toHaveLength(2)
      expect(lines[0]).toMatch(new RegExp(`^${other}: scenario.id: .*pump-startup`))
      expect(lines[1]).toMatch(new RegExp(`^${broken}: \\(file\\): not valid JSON`))
    })

    it('exits 1 when the scenario cannot be read', () => {
      const r = cli('export', '--format', 'moodle', join(tmp, 'missing.json'))
      expect(r.status).toBe(1)
      expect(r.err).toBe(`${join(tmp, 'missing.json')}: (file): cannot read it: no such file\n`)
    })

    it.each([
      [
        ['export', SCENARIO, ATTEMPT],
        /^export: say which format with --format csv\|xapi\|json\|moodle\n/,
      ],
      [
        ['export', '--format', 'pdf', SCENARIO],
        /^export: unknown format "pdf" \(use one of csv, xapi, json, moodle\)\n/,
      ],
      [
        ['export', '--format', 'csv', SCENARIO],
        /^export --format csv takes a SCENARIO file and one or more ATTEMPT files\n/,
      ],
      [
        ['export', '--format', 'moodle', SCENARIO, ATTEMPT],
        /^export --format moodle takes the SCENARIO file only\n/,
      ],
      [
        ['export', '--format', 'csv', '--lang', 'en', SCENARIO, ATTEMPT],
        /^export: unknown option --lang\n/,
      ],
    ])('exits 2 with the usage for %j', (args, message) => {
      const r = cli(...args)
      expect(r.status).toBe(2)
      expect(r.out).toBe('')
      expect(r.err).toMatch(message)
      expect(r.err).toContain('usage: npm run -s cli')
    })

    it('runs as npm run -s cli and writes the CSV bytes to stdout unchanged', () => {
      const r = spawnSync(
        'npm',
        ['run', '-s', 'cli', '--', 'export', '--format', 'csv', SCENARIO, ATTEMPT, ZH],
        {
          cwd: ROOT,
        },
      )
      expect(r.status).toBe(0)
      expect(r.stderr.toString()).toBe('')
      expect(
        Buffer.compare(r.stdout, readFileSync(`${ROOT}tests/golden-export/conveyor.csv`)),
      ).toBe(0)
    })
  })
})
