import { fileURLToPath } from 'node:url';

/** Files shipped beside the server. Resolved from this module so the same paths hold in src/ (tsx) and dist/ (bundle). */
export const paths = {
  demoData: fileURLToPath(new URL('../seed/xiacheng.json', import.meta.url)),
  webDist: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  packageJson: fileURLToPath(new URL('../package.json', import.meta.url)),
};
