// The routes of scenarios, assignments, sync and attempts (issue 14 sections 3 and 4).
import type { Route } from '../http/route.ts'
import { assignmentRoutes } from './assignments.ts'
import { attemptRoutes } from './attempts.ts'
import { scenarioRoutes } from './scenarios.ts'
import { syncRoutes } from './sync.ts'

export const workRoutes: readonly Route[] = [
  ...scenarioRoutes,
  ...assignmentRoutes,
  ...syncRoutes,
  ...attemptRoutes,
]
