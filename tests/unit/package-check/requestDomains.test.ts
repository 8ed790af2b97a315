import { describe, expect, it } from 'vitest';
import {
  domainListProblem,
  parseRequestDomain,
  readRequestDomains,
} from '../../../tools/package-check/requestDomains';

describe('the declared request domains', () => {
  it('are https origins, lower-cased, duplicates dropped', () => {
    expect(
      readRequestDomains({
        dev: {
          port: 9527,
          requestDomains: ['https://Api.Example.com', 'https://api.example.com', 'https://x.test:8443'],
        },
      }),
    ).toEqual(['https://api.example.com', 'https://x.test:8443']);
    expect(readRequestDomains({})).toEqual([]);
    expect(readRequestDomains({ dev: { port: 9527 } })).toEqual([]);
  });

  it('name each entry that is not one', () => {
    expect(parseRequestDomain('api.example.com')).toEqual({
      problem: '"api.example.com" is not a URL; write an origin like "https://api.example.com"',
    });
    expect(parseRequestDomain('https://api.example.com/')).toEqual({
      problem: '"https://api.example.com/" must be an origin only, without a path, query or trailing slash',
    });
    expect(parseRequestDomain(42)).toEqual({ problem: '42 is not a string like "https://api.example.com"' });
    expect(() => readRequestDomains({ dev: { requestDomains: 'https://api.example.com' } })).toThrow(
      'game.json dev.requestDomains must be an array of https origins',
    );
  });
});

describe('a request checked against the list (urlCheck on)', () => {
  const declared = ['https://api.example.com'];

  it('may go to a declared HTTPS origin, whatever the path', () => {
    expect(domainListProblem('https://api.example.com/v1/runs?x=1', declared)).toBeNull();
  });

  it('fails over plain HTTP, even to a declared host', () => {
    expect(domainListProblem('http://api.example.com/v1', declared)).toBe(
      'url not in domain list: http://api.example.com is plain HTTP; TikTok requests go to HTTPS only',
    );
  });

  it('fails for an undeclared origin, another port included', () => {
    expect(domainListProblem('https://evil.example.com/', declared)).toBe(
      'url not in domain list: https://evil.example.com is not declared in game.json dev.requestDomains ' +
        '(declared: https://api.example.com)',
    );
    expect(domainListProblem('https://api.example.com:8443/', declared)).toMatch(/is not declared/);
    expect(domainListProblem('https://api.example.com/', [])).toBe(
      'url not in domain list: https://api.example.com is not declared in game.json dev.requestDomains (the list is empty)',
    );
  });
});
