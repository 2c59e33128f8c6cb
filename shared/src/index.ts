export * from './common.ts';
export * from './enums.ts';
export * from './library.ts';
export * from './actions.ts';
export * from './organisations.ts';
export * from './audit.ts';
export * from './auth.ts';
