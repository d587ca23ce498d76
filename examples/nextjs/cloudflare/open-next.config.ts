// OpenNext's configuration for Cloudflare Workers: the defaults (no incremental cache binding; pages are
// rendered per request and the site's data comes from the Chronos API). Kept beside the Cloudflare
// toolchain's own install, where `@opennextjs/cloudflare` resolves; see ../README.md.
import { defineCloudflareConfig } from '@opennextjs/cloudflare';

export default defineCloudflareConfig();
