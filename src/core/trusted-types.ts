/**
 * Whether the page refused Lit's Trusted Types policy, "lit-html": its CSP lists the
 * policies it allows (`trusted-types …`) and not that one. Lit cannot render there, so
 * our tags are not defined and the page's own content inside them stays as it is. Set
 * by the build's rewrite of Lit (build/lit-for-hosts.mjs), which catches the refusal.
 */
export let litPolicyRefused = false;
export const refuseLitPolicy = (): void => void (litPolicyRefused = true);
