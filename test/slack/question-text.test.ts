import { describe, expect, it } from 'vitest';
import { questionText } from '../../src/slack/question-text.ts';

describe('questionText', () => {
  it.each([
    ['<@U0BOT> who founded OpenStack?', 'who founded OpenStack?'],
    ['<@U0BOT|faqbot> who founded OpenStack?', 'who founded OpenStack?'],
    ['who founded  OpenStack, <@U0BOT>?', 'who founded OpenStack, ?'],
    ['<@U0BOT>', ''],
    ['   ', ''],
    ['hey <@U0ALICE> <@U0BOT> what is Hyper-V', 'hey <@U0ALICE> what is Hyper-V'],
  ])('%j → %j (bot id known)', (text, expected) => {
    expect(questionText(text, 'U0BOT')).toBe(expected);
  });

  it('without the bot id, drops leading mentions only', () => {
    expect(questionText('<@U0BOT> <@W0X|x> what is OpenStack? <@U0ALICE>')).toBe('what is OpenStack? <@U0ALICE>');
  });

  it('treats a bot id with regexp characters literally', () => {
    expect(questionText('<@U.*> hi', 'U.*')).toBe('hi');
    expect(questionText('<@UABC> hi', 'U.*')).toBe('<@UABC> hi');
  });

  it('handles undefined text', () => {
    expect(questionText(undefined, 'U0BOT')).toBe('');
  });
});
