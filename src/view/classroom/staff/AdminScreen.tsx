import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { AssessorClasses } from './AssessorClasses.tsx'
import { LearnerData } from './LearnerData.tsx'
import { LrsClients } from './LrsClients.tsx'
import { LrsForwarding } from './LrsForwarding.tsx'
import { RetentionSetting } from './RetentionSetting.tsx'
import { SigningKey } from './SigningKey.tsx'
import { StaffAccounts } from './StaffAccounts.tsx'

export interface AdminScreenProps {
  readonly store: StaffStore
  /** the admin's own account id */
  readonly self: string
}

/** The admin's work: staff accounts, who reviews which class, how long attempts are kept, a learner's data. */
export function AdminScreen({ store, self }: AdminScreenProps) {
  return (
    <div className="admin-screen">
      <StaffAccounts store={store} self={self} />
      <AssessorClasses store={store} />
      <RetentionSetting store={store} />
      <LearnerData store={store} />
      <SigningKey />
      <LrsClients />
      <LrsForwarding />
    </div>
  )
}
