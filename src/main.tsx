import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { LibraryScreen } from './view/learner/LibraryScreen.tsx'

const locale = navigator.language.startsWith('zh') ? 'zh-CN' : 'en'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LibraryScreen locale={locale} />
  </StrictMode>,
)
