// Types of global-error-styles.mjs (plain JavaScript: next.config.mjs imports it as it is).
export function withoutGlobalErrorStyles(text: string): { text: string; emptied: number } | null;
export function dropGlobalErrorStyles(distDir: string): void;
