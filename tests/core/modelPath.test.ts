// Model paths: the one rule says both whether a path is allowed and where it points, so a path
// the validator accepts is the file the scene loads, and a refused one resolves to nothing.
import { describe, expect, it } from 'vitest'
import { checkModelPath, resolveModelPath } from '../../src/core/index.ts'

describe('model paths', () => {
  it('resolve inside the scenario folder from the project root', () => {
    expect(resolveModelPath('models/pump.glb')).toBe('scenarios/models/pump.glb')
    expect(resolveModelPath('./a/../pump.gltf')).toBe('scenarios/pump.gltf')
  })

  it('resolve ../assets/ to the project assets folder', () => {
    expect(resolveModelPath('../assets/looks/valve.glb')).toBe('assets/looks/valve.glb')
    expect(resolveModelPath('x/../../assets/a.glb')).toBe('assets/a.glb')
  })

  it.each([
    'https://example.com/a.glb',
    '//cdn/a.glb',
    '/abs/a.glb',
    'a\\b.glb',
    'model.obj',
    'a%20b.glb',
    '../../etc/a.glb',
    '../other/a.glb',
  ])('refuse %s with a reason and resolve it to nothing', (path) => {
    expect(checkModelPath(path)).toEqual(expect.any(String))
    expect(resolveModelPath(path)).toBeUndefined()
  })

  it('accept exactly the paths that resolve', () => {
    for (const path of ['a.glb', '../assets/b.glb', 'c/d.gltf'])
      expect(checkModelPath(path)).toBeUndefined()
  })
})
