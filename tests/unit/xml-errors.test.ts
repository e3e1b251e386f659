import { describe, expect, it } from 'vitest';
import { xmlErrors } from '../helpers/xml.ts';

describe('xmlErrors (the site tests check the feed and sitemap with it)', () => {
  it('passes a well-formed document', () => {
    expect(xmlErrors('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>A &amp; B</title></feed>\n')).toEqual([]);
  });

  it('reports unbalanced tags, a bare & and a second root, with the line', () => {
    for (const broken of ['<a>\n<b></a>', '<a>\nA & B</a>', '<a></a>\n<b></b>']) {
      expect(xmlErrors(broken), broken).toEqual([expect.stringMatching(/^line 2: /)]);
    }
  });
});
