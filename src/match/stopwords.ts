/**
 * English function words that carry no topic. Question words (who, when, how many…) are in here
 * too: they say what kind of answer is wanted (see `answer-type.ts`), not what it is about.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before
  being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
  down during each either else ever few for from further get gets got had hadn't has hasn't have haven't
  having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll
  i'm i've if in into is isn't it it's its itself just let's may me might more most must mustn't my
  myself no nor not of off on once only or other ought our ours ourselves out over own same shall
  shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
  themselves then there there's these they they'd they'll they're they've this those through thus to
  too under until up upon us very was wasn't we we'd we'll we're we've were weren't what what's when
  when's where where's whether which while who who's whom whose why why's will with won't would
  wouldn't yet you you'd you'll you're you've your yours yourself yourselves
  many much kind type name named called call tell know please anything something thing things
  one ones s t d ll re ve m anyone anybody someone somebody everyone everybody nobody
  everything whatever whoever explain describe`
    .split(/\s+/)
    .filter(Boolean),
);
