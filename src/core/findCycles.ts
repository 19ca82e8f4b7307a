// Cycles in a directed graph, for `after` among steps and references among derived components.

/** Each cycle of a directed graph once, as node lists, found by depth-first search. Pure. */
export function findCycles(n: number, edges: (i: number) => number[]): number[][] {
  const state = new Array<0 | 1 | 2>(n).fill(0)
  const stack: number[] = []
  const cycles: number[][] = []
  const visit = (i: number): void => {
    state[i] = 1
    stack.push(i)
    for (const j of edges(i)) {
      if (state[j] === 1) cycles.push(stack.slice(stack.indexOf(j)))
      else if (state[j] === 0) visit(j)
    }
    stack.pop()
    state[i] = 2
  }
  for (let i = 0; i < n; i++) if (state[i] === 0) visit(i)
  return cycles
}
