import { useIndustryName } from '../api/reference';

export function IndustryName({ code, section }: { code: string | null | undefined; section?: string | null }) {
  const name = useIndustryName(code, section);
  return <span title={code ?? undefined}>{name}</span>;
}
