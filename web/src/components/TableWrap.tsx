import type { ReactNode } from 'react';
import './TableWrap.css';

/** A table that may scroll sideways on narrow screens; focusable so keyboard users can scroll it. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
