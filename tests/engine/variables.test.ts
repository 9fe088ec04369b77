// Variables: found once each, filled from values or fallbacks, and an empty one leaves a clean sentence.
import { describe, expect, it } from 'vitest';
import { fillVariables, findVariables } from '../../engine/variables.ts';

describe('findVariables', () => {
  it('lists each name once, in order, and skips escaped braces', () => {
    expect(findVariables('{customer}您好,我是{agentName},{customer}')).toEqual(['customer', 'agentName']);
    expect(findVariables('{{not a variable}} {company}')).toEqual(['company']);
    expect(findVariables('no variables { here }')).toEqual([]);
  });
});

describe('fillVariables', () => {
  it('fills values', () => {
    expect(fillVariables('{customer}您好,我是{agentName}', { customer: '王女士', agentName: '小林' })).toBe(
      '王女士您好,我是小林',
    );
  });

  it('uses a definition’s fallback when there is no value', () => {
    expect(fillVariables('欢迎光临{shop}', {}, { shop: { label: '店名', fallback: '本店' } })).toBe('欢迎光临本店');
  });

  it('drops an empty variable with the punctuation that only served it', () => {
    expect(fillVariables('{customer}，您好', {})).toBe('您好');
    expect(fillVariables('Hi {customer}, thanks for waiting', {})).toBe('Hi, thanks for waiting');
    expect(fillVariables('好的{customer},我帮您查询一下', { customer: '  ' })).toBe('好的,我帮您查询一下');
  });

  it('drops a label that only introduced an empty value', () => {
    expect(fillVariables('星河商城客服，工号{agentId}，很高兴为您服务', {})).toBe('星河商城客服，很高兴为您服务');
    expect(fillVariables('客服，工號{agentId}', { agentId: '8021' })).toBe('客服，工號8021');
  });

  it('never shows a raw variable, known or not', () => {
    expect(fillVariables('我是{agentName}，工号{agentId}', {})).not.toMatch(/\{/);
    expect(fillVariables('see {mystery}', {})).toBe('see');
  });

  it('keeps escaped braces as literal braces', () => {
    expect(fillVariables('{{customer}} is {customer}', { customer: 'Ann' })).toBe('{customer} is Ann');
  });

  it('ignores inherited keys such as __proto__ and constructor', () => {
    expect(fillVariables('a {constructor} b', {})).toBe('a b');
  });
});

describe('fillVariables: clauses that only introduce an empty value', () => {
  it.each([
    ['您好，我是{agentName}，很高兴为您服务', '您好，很高兴为您服务'],
    ['您好，我是{agentName}，工号{agentId}，很高兴为您服务', '您好，很高兴为您服务'],
    ['我是{agentName}，请问有什么可以帮您？', '请问有什么可以帮您？'],
    ['Hi, this is {agentName}. How can I help?', 'Hi. How can I help?'],
    ['Hello! I am {agentName}, how can I help you today?', 'Hello! How can I help you today?'],
    ['感谢您对{company}的支持', '感谢您的支持'],
  ])('%s → %s', (template, expected) => {
    expect(fillVariables(template, {})).toBe(expected);
  });

  it('keeps the clause when one of its variables has a value', () => {
    expect(fillVariables('您好，我是{company}客服{agentName}，很高兴为您服务', { agentName: '小王' })).toBe(
      '您好，我是客服小王，很高兴为您服务',
    );
    expect(fillVariables('您好，我是{agentName}，很高兴为您服务', { agentName: '小王' })).toBe(
      '您好，我是小王，很高兴为您服务',
    );
  });
});
