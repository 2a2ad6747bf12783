import type { Language } from '@up/operators';

/**
 * An e-mail's subject and body in each portal language. Each module keeps the texts of the e-mails it sends
 * (e.g. accounts/accounts.emails.ts) and lists them in its descriptor; variables are filled in by name:
 * {name}, {link}, {portal}…
 */
export type EmailTemplate = Record<Language, { subject: string; body: string }>;

/** Renders a template in the reader's language (Latvian when it is none of the three), as text and as HTML. */
export function renderEmail(
  template: EmailTemplate,
  language: string,
  vars: Record<string, string | number>,
): { subject: string; text: string; html: string } {
  const lang: Language = language === 'en' || language === 'ru' ? language : 'lv';
  const { subject, body: text } = fillText(template, lang, vars);
  const html = text
    .split('\n\n')
    .map((paragraph) => `<p>${linkify(escapeHtml(paragraph)).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return { subject, text, html: `<!doctype html><html lang="${lang}"><body>${html}</body></html>` };
}

/** A template's text in the reader's language (Latvian when it is none of the three), e.g. for the portal inbox. */
export function fillText(template: EmailTemplate, language: string, vars: Record<string, string | number>): { subject: string; body: string } {
  const lang: Language = language === 'en' || language === 'ru' ? language : 'lv';
  return { subject: fillPlaceholders(template[lang].subject, vars), body: fillPlaceholders(template[lang].body, vars) };
}

/** Each {name} in the text replaced by its variable (empty when there is none). */
export function fillPlaceholders(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? ''));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function linkify(html: string): string {
  return html.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
