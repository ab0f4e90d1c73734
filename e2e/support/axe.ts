import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA plus axe's best practices: any violation fails with a readable summary. */
export async function expectNoAxeViolations(page: Page, screen = 'page'): Promise<number> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  if (results.violations.length > 0) {
    const summary = results.violations
      .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 3).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`)
      .join('\n');
    throw new Error(`axe found ${results.violations.length} violation(s) on ${screen}:\n${summary}`);
  }
  return results.passes.length;
}
