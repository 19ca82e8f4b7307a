import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './view/App.tsx'
import './view/i18n/i18n.ts'
import './view/styles.css'
import { registerServiceWorker } from './sw/registerServiceWorker.ts'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

registerServiceWorker()
