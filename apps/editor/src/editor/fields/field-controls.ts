// Which control edits which kind of field: every FieldInput the engine declares has exactly one (checked by the compiler).
import type { ComponentType } from 'react';
import type { FieldInput } from '@mentionflow/engine';
import type { FieldProps } from './field-props.ts';
import { BooleanField, DurationField, NumberField, SelectField, TextareaField, TextField } from './ScalarFields.tsx';
import { CombinatorField, MultiSelectField, PriorityField, TagsField } from './ChoiceFields.tsx';
import { ClausesField } from '../clauses/ClausesField.tsx';

export const FIELD_CONTROLS = {
  text: TextField,
  textarea: TextareaField,
  template: TextField,
  number: NumberField,
  select: SelectField,
  multiselect: MultiSelectField,
  tags: TagsField,
  duration: DurationField,
  priority: PriorityField,
  combinator: CombinatorField,
  boolean: BooleanField,
  clauses: ClausesField,
} satisfies Record<FieldInput, ComponentType<FieldProps>>;
