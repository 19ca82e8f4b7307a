import type { JsonObject, JsonValue } from '../../core/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface StepGraphProps {
  readonly doc: JsonObject
  readonly selectedId: string | undefined
}

type Obj = Record<string, JsonValue>

/** The steps' prerequisites as a small graph: columns by depth, an arrow for each `after`. */
export function StepGraph({ doc, selectedId }: StepGraphProps) {
  const { t } = useTranslation()
  const steps = (Array.isArray(doc['steps']) ? doc['steps'] : []) as Obj[]
  const after = new Map(
    steps.map((s) => [String(s['id']), (Array.isArray(s['after']) ? s['after'] : []).map(String)]),
  )
  const depth = new Map<string, number>()
  const depthOf = (id: string, seen = new Set<string>()): number => {
    if (depth.has(id)) return depth.get(id)!
    if (seen.has(id)) return 0 // a cycle; validation reports it
    seen.add(id)
    const d =
      Math.max(
        -1,
        ...(after.get(id) ?? []).filter((a) => after.has(a)).map((a) => depthOf(a, seen)),
      ) + 1
    depth.set(id, d)
    return d
  }
  const rows = new Map<number, number>()
  const place = new Map<string, { x: number; y: number }>()
  for (const s of steps) {
    const id = String(s['id'])
    const d = depthOf(id)
    const row = rows.get(d) ?? 0
    rows.set(d, row + 1)
    place.set(id, { x: 10 + d * 90, y: 14 + row * 26 })
  }
  const width = 100 + Math.max(0, ...[...rows.keys()]) * 90
  const height = 20 + Math.max(1, ...rows.values()) * 26
  return (
    <svg
      className="step-graph"
      width={width}
      height={height}
      role="img"
      aria-label={t('editor.stepGraph')}
    >
      {steps.flatMap((s) =>
        (after.get(String(s['id'])) ?? []).map((a) => {
          const from = place.get(a)
          const to = place.get(String(s['id']))
          return from && to ? (
            <line
              key={`${a}->${String(s['id'])}`}
              x1={from.x + 80}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              stroke="#7a8791"
              markerEnd="url(#arrow)"
            />
          ) : null
        }),
      )}
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 6 6"
          refX="6"
          refY="3"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L6,3 L0,6 z" fill="#7a8791" />
        </marker>
      </defs>
      {[...place].map(([id, p]) => (
        <g key={id}>
          <rect
            x={p.x}
            y={p.y - 9}
            width={80}
            height={18}
            rx={4}
            fill={id === selectedId ? '#0b6bcb' : '#e3f0fc'}
          />
          <text x={p.x + 4} y={p.y + 4} fontSize={10} fill={id === selectedId ? '#fff' : '#1d2327'}>
            {id.length > 14 ? `${id.slice(0, 13)}…` : id}
          </text>
        </g>
      ))}
    </svg>
  )
}
