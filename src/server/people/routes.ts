// The people module's API routes (sign-in, join, setup, staff, classes, privacy) for the table.
import type { Route } from '../http/route.ts'
import { classRoutes } from './classes.ts'
import { privacyRoutes } from './privacy.ts'
import { sessionRoutes } from './sessionRoutes.ts'
import { staffRoutes } from './staffRoutes.ts'

export const peopleRoutes: readonly Route[] = [
  ...sessionRoutes,
  ...staffRoutes,
  ...classRoutes,
  ...privacyRoutes,
]
