/** The kinds of file the import accepts; a module of its own so the UI need not load the parsers. */
export type ImportKind = 'statistics' | 'training' | 'boundaries';
export const IMPORT_KINDS: readonly ImportKind[] = ['statistics', 'training', 'boundaries'];
