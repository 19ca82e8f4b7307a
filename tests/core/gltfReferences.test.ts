import { describe, expect, it } from 'vitest'
import { checkGltfReferences } from '../../src/core/index.ts'
import { lines } from '../helpers.ts'

const gltf = (json: object) =>
  new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, ...json }))

/** A .glb holding only its JSON chunk. */
function glb(json: object): Uint8Array {
  const text = new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, ...json }))
  const padded = text.length + ((4 - (text.length % 4)) % 4)
  const out = new Uint8Array(20 + padded).fill(0x20)
  const view = new DataView(out.buffer)
  view.setUint32(0, 0x46546c67, true)
  view.setUint32(4, 2, true)
  view.setUint32(8, out.length, true)
  view.setUint32(12, padded, true)
  view.setUint32(16, 0x4e4f534a, true)
  out.set(text, 20)
  return out
}

describe('glTF references', () => {
  it('accepts embedded data and files beside the model', () => {
    expect(
      checkGltfReferences(
        gltf({
          buffers: [{ uri: 'data:application/octet-stream;base64,AAAA' }, { uri: 'pump.bin' }],
          images: [{ uri: 'textures/pump.png' }],
        }),
        '../assets/pump.gltf',
      ),
    ).toEqual([])
    expect(checkGltfReferences(glb({ buffers: [{ byteLength: 4 }] }), 'models/pump.glb')).toEqual(
      [],
    )
  })

  it('refuses buffers and images that are URLs or leave the allowed folders', () => {
    expect(
      lines(
        checkGltfReferences(
          gltf({
            buffers: [{ uri: 'https://example.com/x.bin' }, { uri: '../../../etc/passwd' }],
            images: [{ uri: '//cdn.example/x.png' }],
          }),
          '../assets/pump.gltf',
        ),
      ),
    ).toEqual([
      'buffers[0].uri: "https://example.com/x.bin" must be a path relative to the scenario file, not a URL',
      'buffers[1].uri: "../../../etc/passwd" leaves the allowed folders',
      'images[0].uri: "//cdn.example/x.png" must be a path relative to the scenario file, not a URL',
    ])
    expect(lines(checkGltfReferences(glb({ buffers: [{ uri: '../x.bin' }] }), 'pump.glb'))).toEqual(
      [
        `buffers[0].uri: "../x.bin" must stay inside the scenario's folder or the project's assets/ folder (../assets/…)`,
      ],
    )
  })

  it('refuses a file that is not a glTF model', () => {
    expect(lines(checkGltfReferences(new Uint8Array([1, 2, 3]), 'x.glb'))).toEqual([
      '(file): not a glTF model (.glb or .gltf)',
    ])
  })
})
