/** Builds dist/; false when esbuild is not installed (the CLI then runs the sources). */
export function buildServer(): Promise<boolean>;
