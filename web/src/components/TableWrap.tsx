import type { ReactNode } from 'react';

/** A table that may scroll sideways on narrow screens; focusable so keyboard users can scroll it. */
export function TableWrap({ label, className = 'table-wrap', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
