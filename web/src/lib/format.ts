import type { Lang } from '@up/common/lang';
import { formatRigaDateTime } from '@up/common/riga-time';

/** An ISO instant shown in Europe/Riga, or '' when there is none. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatRigaDateTime(date, lang);
}

/** A calendar date 'YYYY-MM-DD' in the language's usual order, or '' when there is none. */
export function formatDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const [, y, m, d] = match;
  if (lang === 'en') return `${d}/${m}/${y}`;
  if (lang === 'lv') return `${d}.${m}.${y}.`;
  return `${d}.${m}.${y}`;
}
