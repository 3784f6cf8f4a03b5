"""Cue lexicons for attributions: verbs and phrases that report speech, beliefs, plans and stances.

The lists follow the verb classes of attribution studies (PARC, PolNeAR) and VerbNet's
communication, judgment and cognition classes: a cue word together with its grammatical slot
(a clause, an object, a prepositional object) says where the attributed content is.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.common import SPEECH_VERBS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


THOUGHT_VERBS = _words(
    """believe think know feel hope expect fear doubt suspect assume understand realize realise
    recognize recognise consider find learn guess imagine worry wonder want plan intend aim wish
    decide prefer seek see figure reckon suppose presume conclude determine judge estimate
    calculate predict forecast project anticipate envision envisage foresee trust bet agree
    disagree acknowledge accept remember forget notice discover show reveal suggest indicate
    prove demonstrate confirm dream like love hate"""
)
"""Lemmas of verbs of thinking, wanting and finding: their clause is a belief or a plan."""

COMMIT_VERBS = _words(
    """promise pledge vow threaten refuse offer propose urge ask call encourage push press
    campaign lobby vote volunteer agree decline hesitate persuade pressure"""
)
"""Lemmas whose infinitive ('vowed to fight', 'urged voters to stay') is a plan or a demand."""

OBJECT_VERBS = _words(
    """announce deny confirm reject dismiss condemn denounce decry criticize criticise praise laud
    hail applaud commend tout extol attack blast slam mock ridicule lambaste chide scold
    rebuke blame accuse fault thank congratulate welcome endorse back support champion oppose
    defend mention discuss cite quote reiterate repeat propose suggest recommend acknowledge admit
    predict forecast estimate question challenge dispute contest reject insult disavow downplay
    dismiss describe characterize characterise call label dub brand highlight emphasize emphasise
    stress underscore retweet outline detail list name recall remember
    regret apologize promise vow demand request urge favor favour prefer like love hate
    rule
    distrust trust admire respect fear want expect predict oppose assail denigrate
    disparage lament bemoan echo justify express share embrace ignore compare liken deem
    interpret regard reference repudiate rebuff revile herald"""
)
"""Lemmas whose direct object is the attributed content ('praised the plan', 'denied the report')."""

MESSAGE_VERBS = _words(
    """say write post publish release issue file report note declare email retweet forward
    recite recount explain pronounce chant voice disclose reveal unveil present point lay
    sound signal invoke address ask remind"""
)
"""Verbs that put out a message or a document: the object is what was put out ('released a plan')."""
VIEW_VERBS = _words("see understand consider believe view recognize show")
"""Verbs of seeing and knowing whose object is the view held ('sees a path to victory')."""
DEPICTION_VERBS = _words("portray paint frame deride lambast expose")
"""Verbs of depicting someone: the object and its description ('painted him as a liar')."""
STANCE_ACTION_VERBS = _words(
    """offer seek promote advocate block approve adopt enact order require sue withhold decline
    knock"""
)
"""Acts that take a side on their object ('blocked the nomination', 'sought a recount')."""
ACTION_OBJECT_VERBS = MESSAGE_VERBS | VIEW_VERBS | DEPICTION_VERBS | STANCE_ACTION_VERBS
"""Verbs outside the core cue lists whose direct object PolNeAR-style annotation attributes."""

PREP_CUES = {
    "call": {"for", "on"},
    "refer": {"to"},
    "talk": {"about", "of"},
    "speak": {"about", "of", "out"},
    "comment": {"on", "about"},
    "vote": {"for", "against"},
    "argue": {"for", "against", "about"},
    "push": {"for", "back"},
    "press": {"for"},
    "advocate": {"for"},
    "campaign": {"for", "against", "on"},
    "lobby": {"for", "against"},
    "focus": {"on"},
    "complain": {"about", "of"},
    "worry": {"about"},
    "warn": {"of", "about", "against"},
    "agree": {"on", "with", "to"},
    "disagree": {"with", "on", "about"},
    "insist": {"on"},
    "apologize": {"for"},
    "apologise": {"for"},
    "respond": {"to"},
    "reply": {"to"},
    "react": {"to"},
    "point": {"to"},
    "hint": {"at"},
    "joke": {"about"},
    "testify": {"about", "on"},
    "write": {"about", "of", "on"},
    "tweet": {"about"},
    "boast": {"about", "of"},
    "brag": {"about"},
    "lie": {"about"},
    "weigh": {"in"},
    "rail": {"against"},
    "fight": {"for", "against"},
    "stand": {"by", "with", "behind"},
    "side": {"with"},
    "hope": {"for"},
    "ask": {"about", "for"},
    "dream": {"of"},
    "think": {"about", "of"},
    "care": {"about"},
    "reflect": {"on"},
    "elaborate": {"on"},
    "object": {"to"},
    "appeal": {"to", "for"},
    "pray": {"for"},
    "cheer": {"for"},
    "root": {"for"},
    "swipe": {"at"},
    "lash": {"out"},
    "rally": {"behind", "around"},
    "unite": {"behind", "around"},
    "line": {"up"},
    "rip": {"into"},
    "poke": {"at"},
    "laugh": {"at"},
    "scoff": {"at"},
    "balk": {"at"},
    "bristle": {"at"},
    "sound": {"off"},
    "spar": {"with", "over"},
    "clash": {"with", "over"},
    "feud": {"with"},
    "break": {"with"},
    "believe": {"in"},
    "distance": {"from"},
    "back": {"away"},
    "hit": {"on"},
    "zero": {"in"},
    "harp": {"on"},
    "dwell": {"on"},
    "muse": {"about", "on"},
    "wonder": {"about"},
    "rave": {"about"},
    "gush": {"about", "over"},
    "inquire": {"about"},
    "caution": {"against"},
    "speculate": {"about", "on"},
    "opine": {"on"},
    "blog": {"about"},
    "preach": {"about"},
    "lecture": {"on", "about"},
    "vouch": {"for"},
    "plead": {"for"},
    "beg": {"for"},
    "thank": {"for"},
    "praise": {"for"},
    "allude": {"to"},
    "lean": {"toward", "towards"},
    "acquiesce": {"to"},
    "shrug": {"off"},
    "blame": {"for"},
    "criticize": {"for"},
    "criticise": {"for"},
    "fault": {"for"},
    "attack": {"for"},
    "see": {"as"},
    "view": {"as"},
    "regard": {"as"},
    "describe": {"as"},
    "know": {"as", "for"},
    "accuse": {"of"},
    "charge": {"with"},
    "double": {"down"},
    "tell": {"about"},
    "say": {"about"},
}
"""Verb (or noun) lemma → prepositions whose object is the content ('called for a ceasefire')."""

NOUN_CUES = _words(
    """statement announcement claim assertion allegation accusation denial remark comment
    warning promise pledge vow threat call appeal demand request plea criticism praise
    endorsement support opposition proposal suggestion prediction assessment view belief
    argument insistence admission acknowledgement acknowledgment confirmation idea contention
    decision plan desire hope fear resolve willingness recognition recommendation
    assurance reminder critique rejection approval dislike distrust attack attacks conviction
    determination intention intent vision message charge complaint concern doubt suspicion
    question questions aim swipe swipes shot shots jab jabs dig digs mention stance views
    opinion opinions remarks comments rhetoric defense defence tribute praise congratulations
    condolences thoughts case reservations confidence refusal assumption perception sentiment
    issue aim credit interest feeling feelings impression impressions misgivings doubts
    objection objections sympathy contempt disdain admiration respect faith secret reference
    references word words"""
)
"""Nouns whose clause or object is attributed to their holder ('his claim that ...', 'her plan to')."""
VOICING_VERBS = _words(
    """have express voice make issue offer reiterate repeat state restate share air signal
    announce deliver give launch mount level raise renew echo hold reaffirm outline lay take
    heap pay hurl fire lob direct escalate step double continue register"""
)
"""Verbs whose subject holds the noun cue they take ('expressed concern that', 'made a plea for')."""

ADJECTIVE_CUES = {
    "aware": {"of"},
    "critical": {"of"},
    "supportive": {"of"},
    "skeptical": {"of", "about"},
    "sceptical": {"of", "about"},
    "confident": {"of", "about", "in"},
    "sure": {"of", "about"},
    "certain": {"of", "about"},
    "convinced": {"of"},
    "worried": {"about", "by"},
    "concerned": {"about", "by", "with"},
    "optimistic": {"about"},
    "pessimistic": {"about"},
    "hopeful": {"about", "of"},
    "passionate": {"about"},
    "angry": {"about", "at", "over", "with"},
    "upset": {"about", "at", "over", "with"},
    "happy": {"with", "about"},
    "unhappy": {"with", "about"},
    "pleased": {"with", "by"},
    "displeased": {"with", "by"},
    "proud": {"of"},
    "ashamed": {"of"},
    "opposed": {"to"},
    "committed": {"to"},
    "eager": set(),
    "willing": set(),
    "unwilling": set(),
    "reluctant": set(),
    "determined": set(),
    "frustrated": {"with", "by", "about"},
    "enthusiastic": {"about"},
    "wary": {"of", "about"},
    "fond": {"of"},
    "clear": set(),
    "adamant": set(),
    "unequivocal": set(),
    "insistent": set(),
    "doubtful": {"about", "of"},
    "dismissive": {"of"},
    "tired": {"of"},
    "fearful": {"of"},
    "afraid": {"of"},
    "disappointed": {"in", "with", "by"},
    "satisfied": {"with"},
    "grateful": {"for", "to"},
    "thankful": {"for"},
    "sympathetic": {"to", "toward", "towards"},
    "hostile": {"to", "toward", "towards"},
    "open": {"to"},
    "comfortable": {"with"},
    "uncomfortable": {"with"},
    "content": set(),
    "keen": {"on"},
    "bullish": {"on", "about"},
    "bearish": {"on", "about"},
}
"""Adjectives of attitude: what follows ('is critical of X', 'was confident that ...') is the held view."""

CLAUSE_VERBS = SPEECH_VERBS | THOUGHT_VERBS | COMMIT_VERBS
"""Every verb whose clausal complement is attributed content."""

NOT_CUES = _words("go come get make take have do be become seem look")
"""Light verbs that never cue an attribution themselves."""


LEMMA_FIXES = {"hoping": "hope", "hopes": "hope", "hoped": "hope"}
"""Forms the small English model lemmatises wrongly ('hoping' → 'hop')."""


def cue_lemma(tok: Token) -> str:
    """The token's lemma in lower case, with the model's known slips put right."""
    return LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def is_speech(tok: Token) -> bool:
    """Whether the token is a verb of saying."""
    return tok.pos_ in ("VERB", "AUX") and cue_lemma(tok) in SPEECH_VERBS


def is_clause_cue(tok: Token) -> bool:
    """Whether the token is a verb whose clause is an attribution's content."""
    return tok.pos_ in ("VERB", "AUX") and cue_lemma(tok) in CLAUSE_VERBS


def is_object_cue(tok: Token) -> bool:
    """Whether the token is a verb whose direct object is an attribution's content."""
    return tok.pos_ == "VERB" and cue_lemma(tok) in OBJECT_VERBS


AGENT_NOUNS = _words(
    """official spokesman spokeswoman spokesperson aide adviser advisor leader president chief
    candidate voter supporter opponent critic analyst expert economist lawmaker legislator member
    resident protester observer campaign administration government committee agency party group
    people public majority minority crowd audience team staff source sources person man woman
    men women friend family parent mother father son daughter official officials lawyer attorney
    judge court jury panel board council senate house congress parliament ministry department
    office police army military union company firm bank organisation organization coalition
    network outlet newspaper paper magazine editor reporter journalist columnist host anchor
    moderator pollster strategist consultant director manager executive founder owner chairman
    chairwoman chair secretary minister governor mayor senator representative congressman
    congresswoman delegate nominee rival challenger incumbent activist advocate donor fan
    citizen worker student teacher doctor scientist researcher historian economist
    commentator pundit conservative liberal progressive democrat republican independent""",
)
"""Nouns for people and bodies that can hold a view ('the senator believes', 'critics say')."""
DOCUMENT_NOUNS = _words(
    """poll survey study report records record data document documents filing filings analysis
    statement memo letter email emails ad ads advertisement review audit investigation probe
    research results figures numbers count census tally tweet post article editorial book
    interview transcript release footage video photo image recording tape clip evidence
    testimony lawsuit suit complaint indictment ruling bill law legislation measure proposal
    platform policy rule regulation website page message commercial spot mailer flyer sign
    banner poster memoir biography column essay piece story coverage op-ed experience
    average model forecast"""
)
"""Nouns for texts, recordings and findings that can show, suggest or take a side ('the poll found')."""
PERSON_PRONOUNS = _words(
    """i we you he she they who whom those everyone everybody anyone anybody someone somebody
    nobody many most some all half third quarter majority few several both others one"""
)


def is_agent(tok: Token, actor_type: str | None) -> bool:
    """Whether a subject can hold a belief or a stance: a person, a body, a named actor."""
    lower = tok.lower_
    if lower in PERSON_PRONOUNS or actor_type is not None:
        return True
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ in ("PROPN", "NUM"):
        return True
    lemma = tok.lemma_.lower()
    if lemma in AGENT_NOUNS or lower in AGENT_NOUNS:
        return True
    # Agent nouns by their ending: 'supporters', 'organizers', 'strategists', 'politicians'.
    return (
        tok.pos_ == "NOUN"
        and lemma.endswith(("er", "or", "ist", "ian", "ant", "ent"))
        and len(lemma) > 5
    )


def is_document(tok: Token) -> bool:
    """Whether a subject is a text or a finding ('the survey', 'court records')."""
    return tok.lemma_.lower() in DOCUMENT_NOUNS or tok.lower_ in DOCUMENT_NOUNS
