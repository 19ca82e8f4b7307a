// Mounting in the editor: the parent picker's choices (no cycles), the edit that changes a part's
// parent and keeps it where it is in the world (checked against three.js's own scene graph), and
// renaming and deleting a component that others are mounted on or name in a look's params.
import { Euler, Matrix4, Object3D, Quaternion, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import {
  applyCommand,
  findReferences,
  getParentChoices,
  loadScenario,
  mountCommand,
  renameId,
  serializeScenario,
  toWorld,
  worldPose,
  type JsonObject,
  type JsonValue,
} from '../../../src/core/index.ts'
import { deepFreeze, readDoc, smallDoc } from './fixtures.ts'

type Obj = Record<string, JsonValue>

/** A panel on a rotated, scaled station, a button on the panel, a lamp on its own. */
function rig(): JsonObject {
  const doc = smallDoc() as Obj
  doc['components'] = [
    {
      id: 'station',
      kind: 'static',
      look: 'static.control-station',
      position: [1, 0.5, -2],
      rotation: [0, 90, 0],
      scale: 2,
    },
    {
      id: 'panel',
      kind: 'static',
      parent: 'station',
      position: [0, 0.3, 0.1],
      rotation: [10, 0, 0],
    },
    {
      id: 'a',
      kind: 'switch',
      label: 'A',
      parent: 'panel',
      position: [0.05, 0.1, 0.02],
      rotation: [0, 0, 45],
    },
    { id: 'lamp_a', kind: 'lamp', label: 'L', lit: "a == 'on'", position: [2, 1, 0] },
    {
      id: 'b',
      kind: 'button',
      label: 'B',
      look: 'button.illuminated',
      params: { lamp: 'lamp_a' },
      parent: 'station',
    },
  ]
  return deepFreeze(doc as JsonObject)
}

/** The same parts as three.js objects, each added to its parent's; their world matrices. */
function threeWorld(doc: JsonObject): Map<string, Matrix4> {
  const list = doc['components'] as Obj[]
  const objects = new Map<string, Object3D>()
  const root = new Object3D()
  for (const c of list) {
    const o = new Object3D()
    const p = (c['position'] as number[] | undefined) ?? [0, 0, 0]
    const r = ((c['rotation'] as number[] | undefined) ?? [0, 0, 0]).map((d) => (d * Math.PI) / 180)
    const s = c['scale'] ?? 1
    o.position.set(p[0]!, p[1]!, p[2]!)
    o.rotation.set(r[0]!, r[1]!, r[2]!)
    if (typeof s === 'number') o.scale.setScalar(s)
    else o.scale.set(...(s as [number, number, number]))
    objects.set(String(c['id']), o)
  }
  for (const c of list) {
    const parent = typeof c['parent'] === 'string' ? objects.get(c['parent']) : undefined
    ;(parent ?? root).add(objects.get(String(c['id']))!)
  }
  root.updateMatrixWorld(true)
  return new Map([...objects].map(([id, o]) => [id, o.matrixWorld.clone()]))
}

function expectSamePlace(a: Matrix4, b: Matrix4): void {
  const [pa, qa, sa] = [new Vector3(), new Quaternion(), new Vector3()]
  const [pb, qb, sb] = [new Vector3(), new Quaternion(), new Vector3()]
  a.decompose(pa, qa, sa)
  b.decompose(pb, qb, sb)
  expect(pa.distanceTo(pb)).toBeLessThan(1e-3)
  expect(sa.distanceTo(sb)).toBeLessThan(1e-3)
  // the same rotation: q and -q are one rotation
  expect(Math.abs(qa.dot(qb))).toBeGreaterThan(1 - 1e-6)
}

describe('mounting a part in the editor', () => {
  it('offers every other component as a parent except the ones mounted on it', () => {
    const doc = rig()
    expect(getParentChoices(doc, 0)).toEqual(['lamp_a'])
    expect(getParentChoices(doc, 1)).toEqual(['station', 'lamp_a', 'b'])
    expect(getParentChoices(doc, 2)).toEqual(['station', 'panel', 'lamp_a', 'b'])
    // a loop that validation refuses does not hang the picker
    const looped = applyCommand(doc, {
      kind: 'set',
      path: ['components', 0, 'parent'],
      value: 'a',
    }).doc
    expect(getParentChoices(looped, 3)).toEqual(['station', 'panel', 'a', 'b'])
  })

  it('says where a mounted part is in the world as three.js draws it', () => {
    const doc = rig()
    const three = threeWorld(doc)
    const pose = worldPose(doc, 2)
    const m = new Matrix4().compose(
      new Vector3(...pose.position),
      new Quaternion().setFromEuler(
        new Euler(...(pose.rotation.map((d) => (d * Math.PI) / 180) as [number, number, number])),
      ),
      new Vector3(...pose.scale),
    )
    expectSamePlace(m, three.get('a')!)
    const point = toWorld(doc, 1, [0.1, 0, 0])
    const expected = new Vector3(0.1, 0, 0).applyMatrix4(three.get('panel')!)
    expect(new Vector3(...point).distanceTo(expected)).toBeLessThan(1e-9)
  })

  it('keeps the part where it is in the world when it moves to another parent, or to none', () => {
    const doc = rig()
    const before = threeWorld(doc).get('a')!
    for (const parent of ['station', 'lamp_a', 'b', undefined]) {
      const next = applyCommand(doc, mountCommand(doc, 2, parent)).doc
      const a = (next['components'] as Obj[])[2]!
      expect(a['parent']).toBe(parent)
      expectSamePlace(threeWorld(next).get('a')!, before)
    }
    // on its own again: the station's scale of 2 is now the part's own
    const free = applyCommand(doc, mountCommand(doc, 2, undefined)).doc
    const a = (free['components'] as Obj[])[2]!
    expect(a['scale']).toBe(2)
    expect(Object.hasOwn(a, 'parent')).toBe(false)
  })

  it('writes no rotation or scale that the part did not have and does not need', () => {
    const doc = rig()
    const next = applyCommand(doc, mountCommand(doc, 3, 'b')).doc
    const lamp = (next['components'] as Obj[])[3]!
    // b sits on the station (turned 90° about y, scale 2): the lamp takes the opposite
    expect(lamp['rotation']).toEqual([0, -90, 0])
    expect(lamp['scale']).toBe(0.5)
    const plain = smallDoc()
    const moved = applyCommand(plain, mountCommand(plain, 0, 'b')).doc
    expect((moved['components'] as Obj[])[0]).toEqual({
      id: 'a',
      kind: 'switch',
      label: 'A',
      parent: 'b',
      position: [0, 0, 0],
    })
  })

  it('is undone as one edit', () => {
    const doc = rig()
    const applied = applyCommand(doc, mountCommand(doc, 2, undefined))
    expect(applyCommand(applied.doc, applied.inverse).doc).toEqual(doc)
  })
})

describe('references through parent and look params', () => {
  it('lists the parts mounted on a component and the looks that name it', () => {
    const doc = rig()
    expect(findReferences(doc, 'components', 'station')).toEqual([
      { path: ['components', 1, 'parent'], where: 'static "panel" is mounted on it' },
      { path: ['components', 4, 'parent'], where: 'button "b" is mounted on it' },
    ])
    expect(findReferences(doc, 'components', 'lamp_a')).toEqual([
      { path: ['components', 4, 'params', 'lamp'], where: 'button "b" shows it as its "lamp"' },
    ])
  })

  it('does not read a param that the look does not take as a component', () => {
    const doc = applyCommand(rig(), {
      kind: 'set',
      path: ['components', 4, 'look'],
      value: 'button.flush',
    }).doc
    expect(findReferences(doc, 'components', 'lamp_a')).toEqual([])
  })

  it('renames a parent and a lamp everywhere', () => {
    const doc = rig()
    const renamed = renameId(
      renameId(doc, 'components', 'station', 'desk'),
      'components',
      'lamp_a',
      'ready',
    )
    const list = renamed['components'] as Obj[]
    expect(list.map((c) => c['parent'])).toEqual([undefined, 'desk', 'panel', undefined, 'desk'])
    expect(list[4]!['params']).toEqual({ lamp: 'ready' })
    expect(list[3]!['id']).toBe('ready')
  })

  it('renames the conveyor cabinet and the scenario still loads', () => {
    const doc = deepFreeze(readDoc('scenarios/conveyor-loto.json'))
    const renamed = renameId(doc, 'components', 'cabinet', 'control_cabinet')
    expect(serializeScenario(renamed)).not.toContain('"parent": "cabinet"')
    const loaded = loadScenario(serializeScenario(renamed))
    expect(
      loaded.ok &&
        loaded.value.components.filter((c) => c.source.parent === 'control_cabinet').length,
    ).toBe(5)
  })
})
