// The bundle benchmark's counting (what a visit downloads) and the README table's medians.
import type { Manifest } from 'vite'
import { describe, expect, it } from 'vitest'
import { dynamicChunkKey, reachableFiles } from './bundle.ts'
import type { BenchResult } from './harness.ts'
import { benchTable } from './table.ts'

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_shared.js'],
    dynamicImports: ['src/Play.tsx', 'src/Editor.tsx'],
    css: ['assets/index.css'],
    assets: ['assets/scenario.json', 'assets/logo.png'],
  },
  '_shared.js': { file: 'assets/shared.js' },
  'src/Play.tsx': { file: 'assets/Play.js', imports: ['_shared.js', '_scene.js'] },
  '_scene.js': { file: 'assets/scene.js', css: ['assets/scene.css'] },
  'src/Editor.tsx': { file: 'assets/Editor.js', imports: ['_validator.js'] },
  '_validator.js': { file: 'assets/validator.js' },
}

describe('the files a visit downloads', () => {
  it('are the entry, its imports and CSS, without the chunks it loads lazily', () => {
    expect(reachableFiles(manifest, ['index.html']).sort()).toEqual([
      'assets/index.css',
      'assets/index.js',
      'assets/shared.js',
    ])
  })

  it('add the lazy chunks the visit waits for, with their imports and CSS, counted once', () => {
    const files = reachableFiles(manifest, ['index.html'], (key) => key === 'src/Play.tsx')
    expect(files.sort()).toEqual([
      'assets/Play.js',
      'assets/index.css',
      'assets/index.js',
      'assets/scene.css',
      'assets/scene.js',
      'assets/shared.js',
    ])
  })

  it('add the assets asked for, and only those', () => {
    const files = reachableFiles(manifest, ['index.html'], undefined, (f) => f.endsWith('.json'))
    expect(files).toContain('assets/scenario.json')
    expect(files).not.toContain('assets/logo.png')
  })

  it('refuse a chunk the manifest does not have', () => {
    expect(() => reachableFiles(manifest, ['src/Missing.tsx'])).toThrow('no chunk src/Missing.tsx')
  })
})

describe('the chunk an import() of a module loads', () => {
  const shared: Manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, dynamicImports: ['_sha256-x.js'] },
    '_sha256-x.js': { file: 'assets/sha256-x.js', name: 'sha256' },
    '_utils-y.js': { file: 'assets/utils-y.js', name: 'utils' },
    'src/Play.tsx': { file: 'assets/Play.js', src: 'src/Play.tsx', isDynamicEntry: true },
  }
  it("is the module's own chunk, or the shared chunk named after it that some chunk loads", () => {
    expect(dynamicChunkKey(shared, 'src/Play.tsx')).toBe('src/Play.tsx')
    expect(dynamicChunkKey(shared, 'src/core/sha256.ts')).toBe('_sha256-x.js')
    // a shared chunk no import() loads is not it
    expect(dynamicChunkKey(shared, 'src/utils.ts')).toBeUndefined()
  })
})

function result(name: string, ours: number, peer: number, pass: boolean): BenchResult {
  return {
    name,
    unit: ' B',
    ours,
    peer,
    ratio: ours / peer,
    goals: [{ on: 'ratio', op: '<=', value: 1.25 }],
    pass,
    note: '',
  }
}

describe('the README table of several runs', () => {
  it('shows the median of each figure with its lowest and highest, and the runs that met the goal', () => {
    const runs = [100, 300, 200].map((ours) => ({
      quick: false,
      seconds: 60,
      results: [result('bundle', ours, 100, ours <= 125)],
    }))
    const row = benchTable(runs).split('\n')[2]
    expect(row).toBe('| `bundle` | 200 B (100–300) | 100 B | 2 (1–3) | ≤ 1.25 | 1/3 |')
  })

  it('refuses quick runs, whose figures mean nothing', () => {
    expect(() => benchTable([{ quick: true, seconds: 1, results: [] }])).toThrow('quick')
  })
})
