import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The state of a back-office CSV import form: the text (typed, pasted or read from a chosen file), the file's
 * read error and the "nothing to import" error. `send` gets the text when the form is submitted with some.
 */
export function useCsvText(send: (csv: string) => void, reset: () => void) {
  const { t } = useTranslation('staff');
  const [csv, setCsv] = useState('');
  const [fileError, setFileError] = useState('');
  const [emptyError, setEmptyError] = useState('');

  async function readFile(file: File | undefined) {
    if (!file) return;
    try {
      setCsv(await file.text());
      setFileError('');
      setEmptyError('');
      reset();
    } catch {
      setFileError(t('validation.fileRead'));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!csv.trim()) {
      setEmptyError(t('import.empty'));
      return;
    }
    setEmptyError('');
    send(csv);
  }

  return { csv, setCsv, fileError, emptyError, readFile, submit };
}
