// The introducing-broker screen's strings (admin-ui/src/introducing-brokers): part of the shell's catalog
// (admin-ui/src/i18n/<locale>.ts takes `ib` from here).
export const ib = {
  title: 'Introducing brokers',
  hint: 'Each introducing broker sees its own clients and those of every IB below it. Moving an IB moves its sub-IBs with it.',
  empty: 'No introducing brokers yet.',
  create: 'New introducing broker',
  edit: 'Edit %{name}',
  created: 'Introducing broker added',
  saved: 'Introducing broker saved',
  top: 'None (top level)',
  id_hint: 'Letters, digits, - and _; cannot be changed later',
  branch_hint: 'The branch id, e.g. london',
  active: 'Active',
  inactive: 'Inactive',
  fields: {
    id: 'Id',
    name: 'Name',
    parentId: 'Parent',
    branchId: 'Branch',
    active: 'Active',
  },
  errors: {
    id: 'Letters, digits, - and _ only, or an id already taken',
    name: 'Give a name of at most 200 characters',
    parentId: 'Not possible: no such IB, or it is this IB or one below it',
    branchId: 'No such branch',
    active: 'Not a valid value',
    form: 'Change something first',
  },
};
