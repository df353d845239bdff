/** `/<prefix>-role [section]`: the role document, section by section, for hiring channels. */
import { roleButtons } from '../commands/families/role-buttons.js';
import { cachesPer, deepFreeze } from '../memo.js';
import type { RoleRuntime } from '../role-runtime.js';
import type { Reply, RoleSection, View } from '../views.js';
import { type HandlerInput, stringValue } from './context.js';

export const ROLE_SECTIONS: readonly RoleSection[] = ['summary', 'responsibilities', 'skills', 'use-cases', 'mistakes'];

const SECTION_TITLES: Record<RoleSection, string> = {
  summary: 'Summary',
  responsibilities: 'Main responsibilities',
  skills: 'Key skills',
  'use-cases': 'Real use cases',
  mistakes: 'Common interview mistakes',
};

/** Role posts per runtime: five sections, the same for everyone for as long as the content is loaded. */
const posts = cachesPer<RoleRuntime, RoleSection, View>(ROLE_SECTIONS.length);

/** A section's view: one frozen object per runtime and section, so it is built (and rendered) once. */
function sectionView(rt: RoleRuntime, section: RoleSection): View {
  // A copy, so freezing it leaves the role's own arrays as they were.
  return posts(rt).getOr(section, () => deepFreeze(structuredClone(buildSectionView(rt, section))));
}

function buildSectionView(rt: RoleRuntime, section: RoleSection): View {
  const { role } = rt;
  const others = ROLE_SECTIONS.filter((s) => s !== section).map((s) => ({
    id: roleButtons.id(role.commandPrefix, { op: 'section', section: s }),
    label: SECTION_TITLES[s],
  }));
  const base = { kind: 'role' as const, roleTitle: role.title, section, actions: others };
  switch (section) {
    case 'summary':
      return {
        ...base,
        title: role.title,
        lead: role.summary,
        tags: role.tags,
        sections: [
          { title: 'About the role', text: role.description },
          { title: SECTION_TITLES.responsibilities, bullets: role.responsibilities },
        ],
      };
    case 'responsibilities':
      return {
        ...base,
        title: `${role.title}: ${SECTION_TITLES.responsibilities}`,
        sections: [{ title: SECTION_TITLES.responsibilities, bullets: role.responsibilities }],
      };
    case 'skills':
      return {
        ...base,
        title: `${role.title}: ${SECTION_TITLES.skills}`,
        sections: [
          { title: 'Technical skills', bullets: role.skills.technical },
          { title: 'Soft skills', bullets: role.skills.soft },
        ],
      };
    case 'use-cases':
      return {
        ...base,
        title: `${role.title}: ${SECTION_TITLES['use-cases']}`,
        sections: role.useCases.map((u) => ({ title: u.title, text: u.context, bullets: u.examples })),
      };
    case 'mistakes':
      return {
        ...base,
        title: `${role.title}: ${SECTION_TITLES.mistakes}`,
        sections: role.mistakes.map((m) => ({ title: m.title, text: m.text })),
      };
  }
}

/** The command posts to the channel: hiring channels share role summaries. */
export async function roleCommand(input: HandlerInput): Promise<Reply> {
  const section = (stringValue(input.values, 'section') as RoleSection | undefined) ?? 'summary';
  return { visibility: 'public', view: sectionView(input.rt, section) };
}

/** A section button answers only the person who pressed it, leaving the channel post alone. */
export async function roleSectionAction(input: HandlerInput, section: string): Promise<Reply> {
  const known = ROLE_SECTIONS.find((s) => s === section);
  return { visibility: 'private', view: sectionView(input.rt, known ?? 'summary') };
}
