// Whose enrollment is on screen: the customer's user ID and the enrollment's short reference, so the customer
// and staff can check it is the right person and name this enrollment to support (consent, review, result).
import { useTranslation } from 'react-i18next';
import { shortReference } from '../../app/enrollment-reference';
import { useKiosk } from '../store/kiosk-store';

export function EnrollmentIdentity() {
  const { t } = useTranslation();
  const userId = useKiosk((state) => state.flow.userId);
  const reference = useKiosk((state) => state.flow.reference);
  if (userId === null) return null;
  return (
    <dl className="enrollment-identity" data-testid="enrollment-identity">
      <div>
        <dt>{t('identity.userId')}</dt>
        <dd data-testid="identity-user-id">{userId}</dd>
      </div>
      {reference !== null && (
        <div>
          <dt>{t('identity.reference')}</dt>
          {/* The full reference (the job ID) rides along for tests and support tools; people read the short one. */}
          <dd data-testid="identity-reference" data-reference={reference}>
            {shortReference(reference)}
          </dd>
        </div>
      )}
    </dl>
  );
}
