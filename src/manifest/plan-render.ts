import { summarizeTrigger, type Plan, type TriggerPlan } from './plan.ts';

/** Marks the plan comment so the GitHub Action can find and update it in place. */
export const PLAN_MARKER = '<!-- actuate-plan -->';

const short = (d: string | undefined) => (d ? d.replace(/^sha256:/, '').slice(0, 12) : '—');
const kb = (n: number) => (n < 1000 ? `${n} B` : `${(n / 1000).toFixed(1)} kB`);

/** The headline: `2 triggers change (post-login: 1 added; …), 5 unchanged` or `No changes.` */
export function planHeadline(plan: Plan): string {
  const changed = plan.triggers.filter((t) => t.status !== 'unchanged');
  if (plan.identical) return `No changes: the manifest is identical (${short(plan.to.digest)}).`;
  if (changed.length === 0 && plan.settingsChanged.length === 0) return 'No changes to any flow.';
  return `${changed.length} trigger${changed.length === 1 ? '' : 's'} change${changed.length === 1 ? 's' : ''}, ${plan.triggers.length - changed.length} unchanged.`;
}

/** The plan as plain text for a terminal (`actuate diff`). */
export function renderPlanText(plan: Plan): string {
  const out = [planHeadline(plan), ''];
  for (const t of plan.triggers) {
    out.push(`${symbol(t)} ${t.trigger}: ${summarizeTrigger(t)}`);
    if (t.status === 'unchanged') continue;
    for (const line of details(t)) out.push(`    ${line.replace(/`/g, '')}`);
  }
  for (const s of plan.settingsChanged) out.push(`~ settings: ${s}`);
  out.push('', footer(plan).replace(/`/g, ''));
  return out.join('\n') + '\n';
}

/** The plan as GitHub-flavoured Markdown (PR comment and job summary). */
export function renderPlanMarkdown(plan: Plan, opts: { title?: string } = {}): string {
  const out = [PLAN_MARKER, `### ${opts.title ?? 'Actuate plan'}`, '', `**${planHeadline(plan)}**`, ''];
  const changed = plan.triggers.filter((t) => t.status !== 'unchanged');
  const unchanged = plan.triggers.filter((t) => t.status === 'unchanged');
  if (changed.length) {
    out.push('```diff');
    for (const t of changed) out.push(`${symbol(t)} ${t.trigger}: ${summarizeTrigger(t)}`);
    out.push('```', '');
  }
  for (const t of changed) {
    out.push(`<details><summary><b>${t.trigger}</b>${t.versionTo ?? t.versionFrom ? ` (${t.versionTo ?? t.versionFrom})` : ''}: ${summarizeTrigger(t)}</summary>`, '');
    if (t.orderFrom.length || t.orderTo.length) {
      out.push('| # | before | after |', '|---|---|---|');
      for (let i = 0; i < Math.max(t.orderFrom.length, t.orderTo.length); i++) {
        out.push(`| ${i + 1} | ${t.orderFrom[i] ? `\`${t.orderFrom[i]}\`` : ''} | ${t.orderTo[i] ? `\`${t.orderTo[i]}\`` : ''} |`);
      }
      out.push('');
    }
    for (const line of details(t)) out.push(`- ${line}`);
    out.push('', '</details>', '');
  }
  if (unchanged.length) out.push(`Unchanged: ${unchanged.map((t) => `\`${t.trigger}\``).join(', ')}`, '');
  if (plan.settingsChanged.length) out.push('**Settings**', ...plan.settingsChanged.map((s) => `- ${s}`), '');
  out.push(`<sub>${footer(plan)}</sub>`);
  return out.join('\n') + '\n';
}

function symbol(t: TriggerPlan): string {
  return t.status === 'added' ? '+' : t.status === 'removed' ? '-' : t.status === 'changed' ? '~' : ' ';
}

function details(t: TriggerPlan): string[] {
  const lines: string[] = [];
  for (const a of t.added) lines.push(`added \`${a.name}\` (bundle \`${short(a.bundle)}\`, ${kb(a.size)})`);
  for (const c of t.changed) {
    const size = c.sizeFrom === c.sizeTo ? kb(c.sizeTo) : `${kb(c.sizeFrom)} → ${kb(c.sizeTo)}`;
    const bundle = c.bundleFrom === c.bundleTo ? '' : `\`${short(c.bundleFrom)}\` → \`${short(c.bundleTo)}\`, `;
    lines.push(`changed \`${c.name}\`: ${bundle}${size}${c.details.length ? `; ${c.details.join('; ')}` : ''}`);
  }
  for (const r of t.removed) lines.push(`removed \`${r.name}\` (was \`${short(r.bundle)}\`)`);
  if (t.orderChanged) lines.push(`order: ${t.orderFrom.join(' → ')}  ⇒  ${t.orderTo.join(' → ')}`);
  for (const s of t.secretsAdded) lines.push(`secret added: \`${s.name}\` (${s.action}): set it in every runner before deploying`);
  for (const s of t.secretsRemoved) lines.push(`secret removed: \`${s.name}\` (${s.action})`);
  for (const d of t.dependencies) lines.push(`dependency \`${d.name}\` (${d.action}): ${d.from ?? 'none'} → ${d.to ?? 'removed'}`);
  if (t.status !== 'removed') lines.push(`budget: ${t.actionCount} action${t.actionCount === 1 ? '' : 's'}, ${kb(t.bundleBytes)} of bundles`);
  return lines;
}

function footer(plan: Plan): string {
  const side = (s: Plan['from']) => (s.commit ? `\`${s.commit.slice(0, 12)}\` (manifest \`${short(s.digest)}\`)` : 'nothing built');
  return `from ${side(plan.from)} to ${side(plan.to)}`;
}
