// The design systems that demo/govuk.html and demo/uswds.html use, served from node_modules (devDependencies) at
// /vendor/<name>/ by the reference server (CIVIC_DEMO_VENDOR), so that nothing of theirs is copied into the repository.
export const DEMO_VENDOR = {
  'govuk-frontend': 'node_modules/govuk-frontend/dist/govuk',
  uswds: 'node_modules/@uswds/uswds/dist',
};

/** The CIVIC_DEMO_VENDOR value for DEMO_VENDOR. */
export const demoVendorEnv = () =>
  Object.entries(DEMO_VENDOR)
    .map(([name, dir]) => `${name}=${dir}`)
    .join(',');
