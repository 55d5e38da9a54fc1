import { useState } from 'preact/hooks';
import { hasApiKey, setApiKey } from './api';

/**
 * The header's API key box. A curator or counsellor pastes their key to write (link decisions, profiles); it is
 * kept in this tab's memory only (api.ts): never in the URL, in storage or in a cookie, and gone on reload.
 * Reads need no key. Without the right role a write is refused by the API, with its words shown where it failed.
 */
export function KeyControl() {
  const [using, setUsing] = useState(hasApiKey());
  const [value, setValue] = useState('');
  if (using)
    return (
      <div class="key">
        <span>API key in use (this tab only)</span>
        <button
          type="button"
          onClick={() => {
            setApiKey(null);
            setUsing(false);
          }}
        >
          Forget key
        </button>
      </div>
    );
  return (
    <form
      class="key"
      onSubmit={(e) => {
        e.preventDefault();
        setApiKey(value);
        setValue('');
        setUsing(hasApiKey());
      }}
    >
      <label>
        API key <span class="muted">(to write; kept in this tab only)</span>
        <input
          type="password"
          name="apiKey"
          autocomplete="off"
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Use key</button>
    </form>
  );
}
