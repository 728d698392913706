export const root: string;
export const distDir: string;
export const manifestPath: string;
export function isDistFresh(repo?: string): boolean;
