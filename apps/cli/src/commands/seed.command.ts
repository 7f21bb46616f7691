import { INestApplicationContext } from '@nestjs/common';

import { SeedService } from '@app/seeding';

export async function seedCommand(app: INestApplicationContext, demo: boolean, print: (line: string) => void): Promise<void> {
  const counts = await app.get(SeedService).seed({ demo, onProgress: print });
  print(
    `done: ${counts.districts} districts/zones, ${counts.industries} industry codes, ${counts.chainsAdded} chains added, ` +
      `${counts.segmentsAdded} segments added, ${counts.enterprisesAdded} demo enterprises added, ${counts.figuresAdded} figure rows added, ` +
      `${counts.membershipsAdded} chain memberships, ${counts.designationsAdded} designations and ${counts.communitiesAdded} communities added`,
  );
}
