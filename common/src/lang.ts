/** The portal's UI languages. */
export type Lang = 'lv' | 'en' | 'ru';
export const LANGS: readonly Lang[] = ['lv', 'en', 'ru'];
