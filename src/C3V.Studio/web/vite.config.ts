import { defineConfig } from "vite";

// The studio server serves dist/ itself (no CDN); assets are referenced from the site root.
export default defineConfig({
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4096 },
});
