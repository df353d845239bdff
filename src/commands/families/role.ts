/** `/<prefix>-role [section]`: the role document for hiring channels, and its section buttons. */
import { ROLE_SECTIONS, roleCommand, roleSectionAction } from '../../handlers/role.js';
import { defineFamily, serveButtons } from '../family.js';
import { roleButtons } from './role-buttons.js';

/** The role family: posts the role document; its section buttons answer privately. */
export const roleFamily = defineFamily({
  command: {
    name: 'role',
    description: 'Post the role to the channel: summary, responsibilities, skills, use cases or interview mistakes',
    options: [{ name: 'section', description: 'Which part of the role (default summary)', type: 'choice', choices: ROLE_SECTIONS }],
    handler: roleCommand,
    examples: ['', 'skills', 'use-cases'],
  },
  areas: [serveButtons(roleButtons, (input, ref) => roleSectionAction(input, ref.section))],
});
