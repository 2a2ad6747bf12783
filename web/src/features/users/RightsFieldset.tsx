import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GRANTABLE_RIGHTS } from './rights.ts';

interface RightsFieldsetProps {
  value: string[];
  onChange: (rights: string[]) => void;
  legend: string;
}

export function RightsFieldset({ value, onChange, legend }: RightsFieldsetProps) {
  const { t } = useTranslation();
  const id = useId();
  const toggle = (right: string, on: boolean) => onChange(on ? [...value, right] : value.filter((r) => r !== right));
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {GRANTABLE_RIGHTS.map((right) => (
        <div className="check" key={right}>
          <input id={`${id}-${right}`} type="checkbox" checked={value.includes(right)} onChange={(e) => toggle(right, e.target.checked)} />
          <label htmlFor={`${id}-${right}`}>{t(`rights.${right}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}
