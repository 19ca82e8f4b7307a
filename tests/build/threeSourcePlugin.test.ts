// three.js built from its source modules (src/build/threeSourcePlugin.ts): its shaders must come
// out exactly as three's own build has them, so the app draws with the same code.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ShaderChunk, ShaderLib } from 'three'
import { describe, expect, it } from 'vitest'
import { trimGlslModule } from '../../src/build/threeSourcePlugin.ts'
import { ROOT } from '../helpers.ts'

const SHADERS = join(ROOT, 'node_modules/three/src/renderers/shaders')

/** The strings a trimmed `.glsl.js` module exports, by export name (`default` for a chunk). */
function exportedStrings(file: string): Record<string, string> {
  const code = trimGlslModule(readFileSync(file, 'utf8'))
  const strings: Record<string, string> = {}
  for (const m of code.matchAll(/export (?:default |const (\w+) = )("(?:[^"\\]|\\.)*")/g))
    strings[m[1] ?? 'default'] = JSON.parse(m[2]!) as string
  return strings
}

describe("three's shaders from its source", () => {
  it("trims every shader chunk to the text of three's build", () => {
    const files = readdirSync(join(SHADERS, 'ShaderChunk')).filter((f) => f.endsWith('.glsl.js'))
    const compared = files.filter((f) => f.replace('.glsl.js', '') in ShaderChunk)
    expect(compared.length).toBeGreaterThan(100)
    for (const file of compared) {
      const name = file.replace('.glsl.js', '') as keyof typeof ShaderChunk
      expect(exportedStrings(join(SHADERS, 'ShaderChunk', file))['default'], name).toBe(
        ShaderChunk[name],
      )
    }
  })

  it("trims the shader library's vertex and fragment shaders alike", () => {
    const { vertex, fragment } = exportedStrings(join(SHADERS, 'ShaderLib/meshphysical.glsl.js'))
    expect(vertex).toBe(ShaderLib.physical.vertexShader)
    expect(fragment).toBe(ShaderLib.physical.fragmentShader)
  })

  it('leaves code outside the GLSL templates as it is', () => {
    const code = 'const a = 1 // kept\nexport const v = /* glsl */`\n\n// gone\nvoid main() {}\n`\n'
    expect(trimGlslModule(code)).toBe('const a = 1 // kept\nexport const v = "void main() {}"\n')
  })
})
