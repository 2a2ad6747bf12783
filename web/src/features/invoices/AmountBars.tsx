export interface AmountBar {
  key: string;
  /** the short label under a column ('okt.') */
  label: string;
  /** the rest of the name, e.g. the year: shown with the label where there is room, always read out */
  detail: string;
  /** show the detail under a column too (the first bar and each January) */
  detailShown: boolean;
  value: number;
  /** the value as text ('227,35 €') */
  text: string;
  current?: boolean;
}

/**
 * A small bar chart of amounts in plain HTML: an ordered list whose items are read out as "October 2026, 227,35 €",
 * the bars themselves hidden from assistive technology. Columns on a wide screen, rows on a phone (invoices.css),
 * so that every label and amount stays readable at 360 px.
 */
export function AmountBars({ label, bars }: { label: string; bars: AmountBar[] }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <ol className="amount-bars" aria-label={label}>
      {bars.map((bar) => {
        const share = max > 0 ? Math.max(0, bar.value) / max : 0;
        return (
          <li key={bar.key} className={bar.current ? 'amount-bars__item amount-bars__item--current' : 'amount-bars__item'}>
            <span className="amount-bars__label">
              {bar.label}
              <span className={bar.detailShown ? 'amount-bars__detail' : 'amount-bars__detail amount-bars__detail--quiet'}> {bar.detail}</span>
            </span>
            <span className="amount-bars__track" aria-hidden="true">
              <span className="amount-bars__bar" style={{ ['--share' as string]: share.toFixed(4) }} />
            </span>
            <span className="amount-bars__value">{bar.text}</span>
          </li>
        );
      })}
    </ol>
  );
}
