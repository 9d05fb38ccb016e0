/**
 * `npm run build`: builds the archive into dist/ (or --outDir), whole, or in
 * slices side by side with --jobs N, or one slice (--slice) or the join of
 * slices built elsewhere (--join), or packs a slice's output for the join
 * (--pack). See src/build/sliced-build.ts; every other argument goes to
 * `astro build`.
 * Usage: npm run build [-- --outDir <folder>] [--jobs <N>]
 */
import { archiveSlices, packSlice, PART_ENV } from '../src/build/slices.ts';
import { buildInSlices, buildRequest, runAstroBuild, type BuildRequest } from '../src/build/sliced-build.ts';

const contentDir = process.env['ARCHIVE_CONTENT_DIR'] ?? 'content';

let request: BuildRequest;
try {
  request = buildRequest(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

switch (request.kind) {
  case 'list':
    console.log(JSON.stringify(archiveSlices(contentDir)));
    break;
  case 'pack':
    try {
      console.log(`Packed slice ${packSlice(request.output, request.into)} into ${request.into}`);
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    }
    break;
  case 'jobs':
    process.exitCode = await buildInSlices(request, contentDir);
    break;
  case 'slice':
    process.exitCode = await runAstroBuild(request.astro, { [PART_ENV.slice]: request.id });
    break;
  case 'join':
    process.exitCode = await runAstroBuild(request.astro, { [PART_ENV.join]: request.slices });
    break;
  case 'whole':
    process.exitCode = await runAstroBuild(request.astro, {});
}
