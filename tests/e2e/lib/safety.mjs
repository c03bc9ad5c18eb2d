// Safety steps shared by measures.spec and therapist-journey.spec: the screen after a PHQ-9 item 9 above 0,
// and the way from it to the safety plan (CLINICAL.md §5–6: support before any score).
import assert from 'node:assert/strict';

/** "No one sees this answer": no score shown first, the crisis lines on screen and a call one tap away. */
export async function expectItem9Screen(page) {
  await page.getByRole('heading', { level: 1, name: 'No one sees this answer', exact: true }).waitFor();
  assert.equal(await page.getByText('1 of 27', { exact: true }).count(), 0, 'no score before the safety screen');
  assert.ok(await page.getByText('Crisis lines (always here)', { exact: true }).isVisible(), 'the crisis lines are on the screen');
  assert.ok((await page.locator('main a[href^="tel:"]').count()) > 0, 'a crisis line is one tap away');
}

/** "Open my safety plan" → the plan (#/safety-plan), the crisis lines still on screen. */
export async function openSafetyPlan(page) {
  await page.getByRole('button', { name: 'Open my safety plan', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'My safety plan', exact: true }).waitFor();
  assert.match(page.url(), /#\/safety-plan$/);
  assert.ok(await page.getByText('Crisis lines (always here)', { exact: true }).first().isVisible());
}
