/**
 * Builds the standalone task widget into `<site>/widget/` (default `dist/widget/`), served by the
 * reference server next to the site, for pages that are not ours (see README: "The widget on any
 * page").
 *
 *   node scripts/build-widget.ts [siteDir]
 */
import { join, resolve } from 'node:path';
import { bundleWidget, root } from './widget-bundle.ts';

const siteDir = resolve(root, process.argv[2] ?? 'dist');
const outputs = await bundleWidget(join(siteDir, 'widget'));
console.log(
  `widget: ${Object.keys(outputs).filter((file) => file.endsWith('.js')).length} files in ${join(siteDir, 'widget')}`,
);
