export * from './diagnostic.ts';
export * from './sidecar.ts';
export * from './structure.ts';
export * from './document.ts';
