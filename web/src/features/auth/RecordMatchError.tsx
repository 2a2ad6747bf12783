import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useOperator } from '../../api/session.ts';
import { FormError } from '../../components/Messages.tsx';
import { SupportInfo, type SupportContacts } from '../../components/SupportInfo.tsx';

/**
 * ACC-2: data that do not match the customer records send the user to customer service; any other error
 * is shown as usual (errors of the form's own fields appear beside those fields).
 */
export function RecordMatchError({ error, fields }: { error: unknown; fields: string[] }) {
  const { t } = useTranslation();
  const operator = useOperator().data;
  if (error instanceof ApiError && error.code === 'REGISTRATION_DATA_MISMATCH') {
    const support = (error.details.support as SupportContacts | undefined) ?? operator?.support;
    return (
      <div className="alert alert--error" role="alert">
        <p>{t('register.mismatch')}</p>
        {support && <SupportInfo support={support} />}
      </div>
    );
  }
  return <FormError error={error} fields={fields} />;
}
