import { Grid } from 'antd';

/** Below antd's `md` breakpoint (768 px): phones get the drawer menu and compact layouts. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: fall back to the window width.
  if (screens.md === undefined) return typeof window !== 'undefined' && window.innerWidth < 768;
  return !screens.md;
}
