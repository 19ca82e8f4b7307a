// The bundle benchmark's peer is built as its author would: the React plugin and Vite's defaults.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({ plugins: [react()] })
