import type { ConfigProviderProps } from 'antd';
import type { TFunction } from 'i18next';

type ValidateMessages = NonNullable<NonNullable<ConfigProviderProps['form']>['validateMessages']>;

// antd fills these in per field; the catalog's {{label}}, {{min}} and {{max}} become them.
// biome-ignore lint/suspicious/noTemplateCurlyInString: antd's own template syntax, not a JS template
const ANTD_VARIABLES = { label: '${label}', min: '${min}', max: '${max}' };

/**
 * antd's form messages in our own words. Its built-in Chinese ones read "邮箱不是一个有效的email"
 * (the rule's type name leaks into the sentence); ours come from the common catalog, so every
 * form rule gets a localised message without each form repeating one.
 */
export function validateMessages(t: TFunction<'common'>): ValidateMessages {
  const say = (key: string) => t(`validation.${key}`, ANTD_VARIABLES);
  const invalid = say('default');
  return {
    default: invalid,
    required: say('required'),
    whitespace: say('whitespace'),
    types: {
      string: invalid,
      method: invalid,
      array: invalid,
      object: invalid,
      number: say('number'),
      date: invalid,
      boolean: invalid,
      integer: say('number'),
      float: say('number'),
      regexp: invalid,
      email: say('email'),
      url: say('url'),
      hex: invalid,
    },
    string: { min: say('min'), max: say('max') },
    array: { min: say('arrayMin') },
  };
}
