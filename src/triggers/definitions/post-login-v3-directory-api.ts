import { Type } from '@sinclair/typebox';
import type { ApiNamespace } from '../types.ts';
import { localType } from '../shared/schema.ts';

/**
 * post-login@v3's `api.groups` and `api.roles` (Auth0 Early Access): asynchronous look-ups of the
 * user's group memberships and effective roles, paginated with `take` / `from`. Shapes follow Auth0's
 * description; objects allow extra fields because Auth0 has not published full types for them.
 */

const PageOptions = localType(
  'PageOptions',
  Type.Object(
    {
      take: Type.Optional(Type.Integer({ description: 'How many entries to return (at most 100).' })),
      from: Type.Optional(Type.String({ description: 'The `next` cursor of the previous page.' })),
    },
    { description: 'Pagination of a directory look-up.' },
  ),
);

const next = Type.Optional(Type.String({ description: 'Cursor of the next page; absent on the last page.' }));

const Group = localType(
  'Group',
  Type.Object(
    {
      id: Type.String({ description: 'Id of the group.' }),
      name: Type.String({ description: 'Name of the group.' }),
    },
    { description: 'A group the user belongs to.', additionalProperties: Type.Any() },
  ),
);

const GroupMemberships = localType(
  'GroupMemberships',
  Type.Object(
    {
      memberships: Type.Record(
        Type.String(),
        Type.Object(
          {
            is_member: Type.Boolean({ description: 'Whether the user is a member.' }),
            matches: Type.Optional(Type.Array(Type.Any(), { description: 'The groups that matched.' })),
          },
          { description: 'Membership for one requested id or name.' },
        ),
        { description: 'Result per requested group id or name.' },
      ),
      errors: Type.Optional(Type.Array(Type.Any(), { description: 'Look-ups that failed.' })),
    },
    { description: 'Result of `api.groups.hasGroupMembership`.' },
  ),
);

const Role = localType(
  'Role',
  Type.Object(
    {
      id: Type.String({ description: 'Id of the role, e.g. `rol_abc`.' }),
      name: Type.String({ description: 'Name of the role.' }),
      type: Type.String({ description: 'How the user holds it: directly or through a group.' }),
    },
    { description: 'A role the user holds, directly or through a group.', additionalProperties: Type.Any() },
  ),
);

const RolesPage = localType(
  'RolesPage',
  Type.Object(
    { roles: Type.Array(Role, { description: 'Roles on this page.' }), next },
    { description: 'A page of the user’s effective roles.' },
  ),
);

/** `api.groups`. */
export const groupsApi: ApiNamespace = {
  name: 'groups',
  description: '[Early Access] Look up the groups the user belongs to.',
  methods: [
    {
      name: 'getUserGroups',
      description: 'Lists the groups the user belongs to, a page at a time.',
      params: [{ name: 'options', schema: PageOptions, optional: true, description: 'Page size and cursor.' }],
      returns: {
        kind: 'value',
        async: true,
        schema: localType(
          'GroupsPage',
          Type.Object(
            { groups: Type.Array(Group, { description: 'Groups on this page.' }), next },
            { description: 'A page of the user’s groups.' },
          ),
        ),
      },
    },
    {
      name: 'hasGroupMembership',
      description: 'Checks whether the user belongs to each of the given groups (by id or by name).',
      params: [{ name: 'groups', schema: Type.Array(Type.String()), description: 'Group ids or names.' }],
      returns: { kind: 'value', async: true, schema: GroupMemberships },
    },
  ],
};

/** `api.roles`. */
export const rolesApi: ApiNamespace = {
  name: 'roles',
  description: '[Early Access] Look up the user’s effective roles (direct and through groups, scoped to the organization).',
  methods: [
    {
      name: 'getUserEffectiveRoles',
      description: 'Lists the user’s effective roles, a page at a time.',
      params: [{ name: 'options', schema: PageOptions, optional: true, description: 'Page size (≤ 100) and cursor.' }],
      returns: { kind: 'value', async: true, schema: RolesPage },
    },
    {
      name: 'getUserEffectiveRolesByIds',
      description: 'Returns which of the given roles (by id) the user effectively holds.',
      params: [{ name: 'ids', schema: Type.Array(Type.String()), description: 'Role ids (at most 100).' }],
      returns: { kind: 'value', async: true, schema: RolesPage },
    },
    {
      name: 'getUserEffectiveRolesByNames',
      description: 'Returns which of the given roles (by name) the user effectively holds.',
      params: [{ name: 'names', schema: Type.Array(Type.String()), description: 'Role names (at most 50).' }],
      returns: { kind: 'value', async: true, schema: RolesPage },
    },
  ],
};
