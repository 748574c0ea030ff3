import type { SessionResponse } from '@rytask/contracts';
import { AuthLayout } from '../../auth/components/auth-layout';

type Props = { token: string; session: SessionResponse | null; onAccepted: (session: SessionResponse) => void };

export function InviteAcceptPage(_props: Props) {
  return (
    <AuthLayout>
      <h1 className="form__title">Join RyTask</h1>
    </AuthLayout>
  );
}
