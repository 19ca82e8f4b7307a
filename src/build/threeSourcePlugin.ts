// Vite plugin (build only): three.js from its source modules (`three/src/Three.js`, the same
// release) instead of its one-file build, so that the bundler keeps each class where it is used.
// three's build is one module: whatever any chunk uses of it (the glTF loader's skinned meshes,
// points, lines and animation tracks; the editor's gizmo; the looks' extruded shapes) was all in
// the chunk every page loads first. From the source, a class only a lazily loaded chunk uses
// goes with that chunk. Every importer of `three` (R3F, drei, three's examples, the app) gets the
// source, so the page still has one three.js. The shaders are trimmed as three's own build trims
// them (comments and blank lines out of the GLSL, `glslChunk`), so the code is the same.
// Vitest and the dev server keep three's build: Node loads R3F with it, and one copy must serve all.
import type { Plugin } from 'vite'

/** The GLSL text of a three `.glsl.js` module as three's build writes it: trimmed, no comments. Pure. */
export function glslChunk(glsl: string): string {
  return glsl
    .trim()
    .replace(/\r/g, '')
    .replace(/[ \t]*\/\/.*\n/g, '')
    .replace(/[ \t]*\/\*[\s\S]*?\*\//g, '')
    .replace(/\n{2,}/g, '\n')
}

/** A `.glsl.js` module of three's source with each `/* glsl *\/` template as three's build has it. Pure. */
export function trimGlslModule(code: string): string {
  return code.replace(/\/\* glsl \*\/`(.*?)`/gs, (_all, glsl: string) =>
    JSON.stringify(glslChunk(glsl)),
  )
}

const GLSL_MODULE = /[\\/]node_modules[\\/]three[\\/]src[\\/].*\.glsl\.js$/

export function threeSourcePlugin(): Plugin {
  return {
    name: 'practica-three-source',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== 'three') return null
      return this.resolve('three/src/Three.js', importer, { skipSelf: true })
    },
    transform(code, id) {
      if (!GLSL_MODULE.test(id)) return null
      return { code: trimGlslModule(code), map: null }
    },
  }
}
