// What the `validate` benchmark times of ours, bundled as the app ships it: `vite build` turns
// TypeScript into plain JavaScript, whereas tsx, which runs the benchmarks, wraps every function
// it creates in a naming helper (esbuild's keepNames) that the browser never runs.
export { checkDocument } from '../../src/state/editorStore.ts'
export { ExpressionCache } from '../../src/core/index.ts'
