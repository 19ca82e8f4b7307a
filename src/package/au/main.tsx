// The entry of the packaged AU/SCO: the package's texts, then its one screen, then the LMS.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { i18n, languageReady } from '../../view/i18n/i18n.ts'
import '../../view/styles.css'
import { bootPackage } from '../boot.ts'
import { createPackageStore } from '../packageStore.ts'
import { PackageApp } from './PackageApp.tsx'

const store = createPackageStore(() => performance.now())

void Promise.all([
  languageReady,
  i18n.loadSection('package').catch(() => {}),
  i18n.loadSection('result').catch(() => {}),
]).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PackageApp store={store} />
    </StrictMode>,
  )
  // the LMS is told when the learner leaves: the page hides (closed, or the LMS moves on)
  addEventListener('pagehide', () => store.getState().leave())
  void bootPackage(store, new URL('./', location.href))
})
