/**
 * Past forms of common irregular English verbs → base form, which the Porter stemmer cannot
 * conflate ("began" / "begin", "won" / "win"). Forms that are also common nouns or other verbs
 * ("found" = established, "left" = the side) are left out on purpose. The last line holds
 * regular verbs the stemmer splits ("sue" → sue, "sued" → su).
 */
const FORMS = `arose:arise arisen:arise awoke:awake became:become began:begin begun:begin bent:bend bet:bet bid:bid
bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break bred:breed brought:bring
built:build burnt:burn burst:burst bought:buy caught:catch chose:choose chosen:choose came:come
cost:cost crept:creep dealt:deal dug:dig did:do done:do drew:draw drawn:draw dreamt:dream drank:drink
drunk:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall fed:feed felt:feel
fought:fight fled:flee flew:fly flown:fly forbade:forbid forgot:forget forgotten:forget forgave:forgive
forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go
grew:grow grown:grow hung:hang heard:hear hid:hide hidden:hide held:hold hurt:hurt kept:keep knew:know
known:know laid:lay led:lead leapt:leap lent:lend lost:lose made:make meant:mean met:meet paid:pay
quit:quit ran:run rang:ring rung:ring rode:ride ridden:ride rose:rise risen:rise said:say saw:see
seen:see sought:seek sold:sell sent:send shook:shake shaken:shake shone:shine shot:shoot shown:show
shrank:shrink shut:shut sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep slid:slide
spoke:speak spoken:speak spent:spend spun:spin split:split spread:spread sprang:spring stood:stand
stole:steal stolen:steal stuck:stick stung:sting struck:strike strove:strive swore:swear sworn:swear
swept:sweep swam:swim swum:swim swung:swing took:take taken:take taught:teach tore:tear torn:tear
told:tell thought:think threw:throw thrown:throw understood:understand undertook:undertake
undertaken:undertake upheld:uphold withdrew:withdraw withdrawn:withdraw woke:wake woken:wake wore:wear
worn:wear won:win wrote:write written:write overcame:overcome overtook:overtake overtaken:overtake
oversaw:oversee overseen:oversee
sued:sue suing:sue died:die dying:die lying:lie tied:tie tying:tie`;

export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(
  FORMS.split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);
