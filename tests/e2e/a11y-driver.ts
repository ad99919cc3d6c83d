/**
 * Accessibility and layout driver: opens each view as a user would and runs axe-core on it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from './helpers';
import { expect, saveScreenshot } from './helpers';

export interface Violation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly nodes: number;
  readonly help: string;
}

export class A11yDriver {
  constructor(private readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/?e2e${query}`);
    await expect(
      this.page.getByRole('region', { name: /Map of Indonesian provinces|Peta provinsi/ }),
    ).toHaveAttribute('data-map-idle', 'true');
  }

  /** Opens a view with the header or control button of that name. */
  async openView(button: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).first().click();
    await this.page.waitForTimeout(300);
  }

  /** Serious and critical WCAG 2 A/AA violations on the page as it is now. */
  async seriousViolations(): Promise<Violation[]> {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
        help: `${v.help}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
      }));
  }

  async screenshot(name: string): Promise<string> {
    return saveScreenshot(this.page, name);
  }
}
