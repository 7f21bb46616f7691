import type { ThemeConfig } from 'antd';

/**
 * The console's antd theme. The app renders with it (main.tsx) and the build extracts the first
 * screen's antd styles with it (build/antd-static-style.ts): the two must be this one object, or
 * the extracted styles would not match and antd would generate its own at run time again.
 */
export const THEME: ThemeConfig = { token: { colorPrimary: '#1f5fbf', borderRadius: 4 } };
