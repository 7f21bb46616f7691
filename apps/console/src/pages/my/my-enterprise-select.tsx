import { Empty, Select } from 'antd';
import { useSearchParams } from 'react-router';

import { useAuth } from '../../api/auth';

/** The liaison's bound firms (from GET /auth/me) and the one the page is about (?e=, else the first). */
export function useMyEnterprise() {
  const auth = useAuth();
  const [params, setParams] = useSearchParams();
  const mine = auth.me?.scope.enterprises ?? [];
  const id = mine.find((e) => e.id === params.get('e'))?.id ?? mine[0]?.id;
  const picker =
    mine.length > 1 ? (
      <Select aria-label="企业" style={{ minWidth: 280 }} value={id} onChange={(v) => setParams({ e: v }, { replace: true })} options={mine.map((e) => ({ value: e.id, label: e.name }))} />
    ) : null;
  const none = <Empty description="您的账号尚未绑定企业,请联系区县工作人员" />;
  return { id, picker, none };
}
