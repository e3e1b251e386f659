import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BeneficiaryGroups } from '#schemas/beneficiary-groups.ts';

const json = JSON.parse(fs.readFileSync('content/beneficiary-groups.json', 'utf8')) as { id: string; name: string; aliases: string[]; excludes: string[]; broader?: string }[];
const copy = () => structuredClone(json);
const messages = (data: unknown) => BeneficiaryGroups.safeParse(data).error?.issues.map((i) => i.message) ?? [];

describe('the beneficiary-group taxonomy (content/beneficiary-groups.json)', () => {
  it('is valid and holds the groups issue 14 asks for', () => {
    const groups = BeneficiaryGroups.parse(json);
    const required = ['高校毕业生', '农民工', '就业困难人员', '零就业家庭', '退役军人', '残疾人', '贫困劳动力', '失业人员', '灵活就业人员', '小微企业', '个体工商户', '返乡创业人员', '妇女', '青年', '老年人', '用人单位'];
    expect(required.filter((name) => !groups.some((g) => g.name === name))).toEqual([]);
  });

  it('rejects a name or alias under two groups', () => {
    const data = copy();
    data[0]?.aliases.push(data[1]?.name ?? '');
    expect(messages(data)).toEqual([`name or alias "${data[1]?.name}" is listed under both ${data[0]?.id} and ${data[1]?.id}`]);
  });

  it('rejects an exclude that holds none of its group’s names, since it could never apply', () => {
    const data = copy();
    data[0]?.excludes.push('妇女联合会');
    expect(messages(data)).toEqual([`${data[0]?.id}: exclude "妇女联合会" contains neither the name nor an alias`]);
  });

  it('rejects a broader group that does not exist or leads back to itself', () => {
    const missing = copy();
    if (missing[0]) missing[0].broader = 'nobody';
    expect(messages(missing)).toEqual([`${missing[0]?.id}: no group has the id "nobody"`]);
    const cycle = copy();
    const youth = cycle.find((g) => g.id === 'youth');
    if (youth) youth.broader = 'college-graduates';
    expect(messages(cycle)).toContain('youth: its broader groups lead back to itself');
  });
});
