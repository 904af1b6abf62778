import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from './escapeHtml.js';

describe('escapeHtml', () => {
  it('turns the five HTML special characters into entities and leaves other text alone', () => {
    const text = `<script>alert("x" & 'y')</script> é ✓`;

    const escaped = escapeHtml(text);

    expect(escaped).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt; é ✓');
  });

  it('escapes an ampersand that already starts an entity, so the entity shows as text', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('jsonForScript', () => {
  it('holds no character that could close the script element, and parses back to the same value', () => {
    const value = { reason: '</script><script>alert(1)</script><!-- & \u2028', n: [1.5, -2] };

    const json = jsonForScript(value);

    expect(json, 'no raw < > & or line separators').not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
