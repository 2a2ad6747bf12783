export * from './lang.ts';
export * from './personal-code.ts';
export * from './password-rules.ts';
export * from './common-passwords.ts';
export * from './riga-time.ts';
export * from './money.ts';
export * from './email.ts';
