import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resolution } from '@up/common/contracts/metering';
import { isIsoDate } from '@up/common/riga-time';
import { RadioGroup, SelectField, TextField } from '../../components/Fields.tsx';
import { useLang } from '../../lib/useLang.ts';
import { formatPeriod } from './format.ts';
import { NAMESPACE } from './i18n.ts';
import { defaultResolution, isFuture, PERIOD_VIEWS, shiftPeriod, VIEW_RESOLUTIONS, type Period, type PeriodView } from './period.ts';

export interface PeriodChoice {
  view: PeriodView;
  date: string;
  resolution: Resolution;
}

interface PeriodPickerProps {
  period: Period;
  /** the day the user chose (the period contains it) */
  date: string;
  resolution: Resolution;
  /** today in Riga: later periods are not offered */
  today: string;
  onChange: (choice: PeriodChoice) => void;
}

/**
 * Day, month or year; the previous and next period; a date to jump to; the resolution the view allows.
 * Changing the view brings the view's default resolution (day: quarter-hours, month: days, year: months).
 */
export function PeriodPicker({ period, date, resolution, today, onChange }: PeriodPickerProps) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const [typed, setTyped] = useState(date);
  useEffect(() => setTyped(date), [date]);
  const { view } = period;
  const next = shiftPeriod(period, 1);
  const earlier = shiftPeriod(period, -1);

  return (
    <div className="period-picker">
      <div className="period-picker__views">
        <RadioGroup
          legend={t('period.view')}
          name="period-view"
          value={view}
          onChange={(v) => onChange({ view: v, date, resolution: defaultResolution(v) })}
          options={PERIOD_VIEWS.map((v) => ({ value: v, label: t(`period.views.${v}`) }))}
        />
      </div>
      <div className="period-picker__step">
        <button type="button" className="button button--secondary button--small" onClick={() => onChange({ view, date: earlier.from, resolution })}>
          <span aria-hidden="true">‹</span>
          <span className="visually-hidden">{t(`period.previous.${view}`)}</span>
        </button>
        <p className="period-picker__label" aria-live="polite">
          <span className="visually-hidden">{t('period.shown')} </span>
          {formatPeriod(period, lang)}
        </p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange({ view, date: next.from, resolution })}
          disabled={isFuture(next, today)}
        >
          <span className="visually-hidden">{t(`period.next.${view}`)}</span>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <div className="period-picker__fields">
        <TextField
          label={t('period.date')}
          type="date"
          value={typed}
          onChange={(value) => {
            setTyped(value);
            if (isIsoDate(value) && value !== date) onChange({ view, date: value, resolution });
          }}
        />
        <SelectField
          label={t('period.resolution')}
          value={resolution}
          onChange={(value) => onChange({ view, date, resolution: value as Resolution })}
          options={VIEW_RESOLUTIONS[view].map((r) => ({ value: r, label: t(`resolution.${r}`) }))}
        />
      </div>
    </div>
  );
}
