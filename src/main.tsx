import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './view/App.tsx'
import { languageReady } from './view/i18n/i18n.ts'
import './view/styles.css'
import { registerServiceWorker } from './sw/registerServiceWorker.ts'
import { connectToServer } from './state/classroom/connect.ts'

// a learner whose language is not English sees nothing until it has arrived, never English first
void languageReady.then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
  registerServiceWorker()
  // a Practica server at this origin, if there is one (none: the static app, as ever)
  connectToServer()
})
