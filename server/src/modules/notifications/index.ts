/** The notifications module's public surface: the e-mail outbox and the in-portal inbox (GRD-7). */
export { queueEmail, emailsSentAt, deliverPendingEmails, postNotice, listNotices, markNoticeRead } from './notifications.service.js';
export { unreadNoticesCount } from './inbox-counts.js';
export type { EmailTemplate } from './email-templates.js';
export { fillText, fillPlaceholders } from './email-templates.js';
