import { useState } from 'react';
import { Alert } from '../../../components/alert';
import { PageHeader } from '../../../components/page-header';
import { useSessionContext } from '../../../app/session-context';
import { ChangePasswordForm } from '../../auth/components/change-password-form';

export function ProfilePage() {
  const { session, onSessionChange } = useSessionContext();
  const [changed, setChanged] = useState(0);
  return (
    <>
      <PageHeader title="Profile" />
      {changed > 0 && <Alert tone="success">Your password has been changed.</Alert>}
      <section className="card settings-card">
        <ChangePasswordForm
          key={changed}
          email={session.user.email}
          title="Change password"
          lead={<p>Enter your current password, then the new one twice.</p>}
          onChanged={(next) => {
            onSessionChange(next);
            setChanged((count) => count + 1);
          }}
        />
      </section>
    </>
  );
}
