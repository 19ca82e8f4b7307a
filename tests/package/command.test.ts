// The package command's refusals: each says what to fix, with the exit status of the other
// commands (2 for a wrong command line, 1 for a file that cannot be used), before anything is built.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageCommand } from '../../src/package/node/command.ts'

function run(...args: string[]) {
  const err: string[] = []
  const out: string[] = []
  const io = {
    out: (t: string) => void out.push(t),
    err: (t: string) => void err.push(t),
    write: () => undefined,
  }
  const status = packageCommand(args, io, 'usage: …')
  return { status, err: err.join('\n'), out: out.join('\n') }
}

describe('npm run -s cli -- package', () => {
  it('refuses a wrong command line with the usage (exit 2)', () => {
    expect(run('zip', 'scenarios/conveyor-loto.json')).toMatchObject({
      status: 2,
      err: expect.stringMatching(
        /^package: name the kind \(scorm12 or cmi5\) and one scenario file\nusage/,
      ),
    })
    expect(run('cmi5')).toMatchObject({ status: 2 })
    expect(run('cmi5', 'a.json', 'b.json')).toMatchObject({ status: 2 })
    expect(run('cmi5', 'scenarios/conveyor-loto.json', '--mode', 'exam')).toEqual({
      status: 2,
      err: 'package: --mode is assessment or practice, not "exam"',
      out: '',
    })
    expect(
      run('cmi5', 'scenarios/conveyor-loto.json', '--activity-base', 'https://practica.example/x'),
    ).toEqual({
      status: 2,
      err: "package: --activity-base: practica.example is the documentation's example: use your school's own domain",
      out: '',
    })
    expect(run('cmi5', 'scenarios/conveyor-loto.json', '--activity-base', 'school/x')).toEqual({
      status: 2,
      err: 'package: --activity-base: the base IRI is a web address such as https://school.example.org/practica (no ? or #)',
      out: '',
    })
    expect(run('cmi5', 'scenarios/conveyor-loto.json', '--lang', 'x')).toMatchObject({
      status: 2,
      err: expect.stringMatching(/^package: Unknown option '--lang'\nusage/),
    })
  })

  it('refuses a scenario it cannot read or that is broken, as validate does (exit 1)', () => {
    expect(run('scorm12', 'no-such-file.json')).toEqual({
      status: 1,
      err: 'no-such-file.json: (file): cannot read it: no such file',
      out: '',
    })
    const dir = mkdtempSync(join(tmpdir(), 'practica-package-'))
    const broken = join(dir, 'broken.json')
    writeFileSync(
      broken,
      JSON.stringify({ format: 'practica.scenario/1', id: 'x', version: '1.0.0' }),
    )
    const { status, err } = run('cmi5', broken)
    expect(status).toBe(1)
    expect(err).toContain(`${broken}: title: missing required field "title"`)
  })
})
