// A form that saves, on react-hook-form: its fields checked by a zod schema built on the
// contract's (web/src/lib/form-values.ts), the save a react-query mutation, and whatever is
// refused, by the page or by the server, said at the field it names in the reader's language,
// with the focus moved to the first field to fix.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useMemo } from 'react';
import {
  type DefaultValues,
  type FieldError,
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { refusalKeyOf } from '../../../server/domain/refusals';
import { type Translate, useT } from '../i18n/context';
import { zodIssueWords } from '../lib/refusals';
import { type FieldErrors, splitErrors, useFocusOnInvalid } from './form';

/**
 * The schema's resolver, its words in the reader's language: zod's own issues through the
 * refusal catalogue's zod words, and a contract's own message (the catalogue's Vietnamese
 * words) found back by its key and worded again.
 */
export function contractResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  t: Translate,
): Resolver<Input, unknown, Output> {
  const resolve = zodResolver(schema, { error: (issue) => zodIssueWords(issue, t.language) });
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    for (const error of leaves(result.errors)) {
      const key = error.message ? refusalKeyOf(error.message) : undefined;
      if (key && error.message) error.message = t.refusal({ key, params: {}, message: error.message });
    }
    return result;
  };
}

/** The messages of a form's error tree by their dotted paths (`expected.attendances`). */
export function errorMessages(tree: object): Partial<Record<string, string>> {
  return Object.fromEntries(leaves(tree).map((error) => [error.path, error.message]));
}

/**
 * Calls `refused` once each submit the page refused has its marks rendered: react-hook-form
 * says "invalid" before it shows the errors, so the focus waits for the form's state.
 */
export function useFocusAfterPageRefusal(
  state: { submitCount: number; isSubmitting: boolean; errors: object },
  refused: () => void,
): void {
  const hasErrors = Object.keys(state.errors).length > 0;
  // Which submit was refused (0: none), so that each refused submit moves the focus again.
  const refusedSubmit = !state.isSubmitting && hasErrors ? state.submitCount : 0;
  useEffect(() => {
    if (refusedSubmit > 0) refused();
  }, [refusedSubmit, refused]);
}

/** Each error of a nested error tree with its dotted path. */
function leaves(tree: object, prefix = ''): Array<FieldError & { path: string }> {
  const found: Array<FieldError & { path: string }> = [];
  for (const [name, value] of Object.entries(tree)) {
    if (!value || typeof value !== 'object' || name === 'ref') continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (typeof (value as FieldError).message === 'string')
      found.push(Object.assign(value as FieldError, { path }));
    else found.push(...leaves(value, path));
  }
  return found;
}

/**
 * The errors the page found, by the field of `fields` they belong to: the longest name that
 * the error's path is or starts with (`unitIds.2` is `unitIds`'s).
 */
function byField(tree: object, fields: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const error of leaves(tree)) {
    const field =
      fields
        .filter((name) => error.path === name || error.path.startsWith(`${name}.`))
        .reduce((longest, name) => (name.length > longest.length ? name : longest), '') || error.path;
    errors[field] ??= error.message;
  }
  return errors;
}

/**
 * `schema` turns the form's values into what `save` sends; `fields` are the names that the
 * server's refusals may point at (the form shows any other refusal above its fields).
 * `bind(name)` gives a field component its value, change handler and error.
 */
export function useRecordForm<Input extends FieldValues, Output, Saved>({
  schema,
  defaultValues,
  fields,
  save,
  onSaved,
}: {
  schema: z.ZodType<Output, Input>;
  defaultValues: DefaultValues<Input>;
  /** Or, for a form whose fields follow its values (a type's indicators), a function of them. */
  fields: readonly string[] | ((values: Input) => readonly string[]);
  save: (values: Output) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
}) {
  const t = useT();
  const resolver = useMemo(() => contractResolver(schema, t), [schema, t]);
  // Errors stay until the next save: a message appearing while typing would move the save
  // button between the press and the release of a click.
  // The focus moves by the rendered marks (useFocusOnInvalid), which also covers the fields
  // that are not one input (a picker), rather than by react-hook-form's registered inputs.
  const form = useForm<Input, unknown, Output>({
    resolver,
    defaultValues,
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved });
  const { form: formRef, refused } = useFocusOnInvalid();
  const values = form.watch();
  const names = typeof fields === 'function' ? fields(values) : fields;
  const server = splitErrors(mutation.error, names, t);
  const errors: FieldErrors = { ...server.byField, ...byField(form.formState.errors, names) };

  useFocusAfterPageRefusal(form.formState, refused);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    mutation.reset();
    void form.handleSubmit((values) => mutation.mutateAsync(values).catch(refused))(event);
  };

  function bind<N extends Path<Input>>(name: N) {
    return {
      value: form.getValues(name),
      onChange: (value: PathValue<Input, N>) => form.setValue(name, value, { shouldDirty: true }),
      error: errors[name],
    };
  }

  /** Several fields at once, for a form whose fields move together (a type brings its indicators). */
  const { setValue } = form;
  const change = useCallback(
    (patch: Partial<Input>) => {
      for (const [name, value] of Object.entries(patch)) {
        // Object.entries forgets which value goes with which name; `patch` is a Partial<Input>.
        setValue(name as Path<Input>, value as PathValue<Input, Path<Input>>, { shouldDirty: true });
      }
    },
    [setValue],
  );

  return {
    form: formRef,
    busy: mutation.isPending,
    errors,
    general: server.general,
    submit,
    bind,
    values,
    change,
  };
}
