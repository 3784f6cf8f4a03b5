"""Cue words of the caveats, each list with the published resource it follows.

Sources:
- CoNLL-2010 shared task (Farkas et al. 2010, "The CoNLL-2010 Shared Task: Learning to Detect
  Hedges and their Scope in Natural Language Text") and the Szeged Uncertainty Corpus
  annotation guidelines (Szarvas, Vincze, Farkas, Móra, Gurevych 2012, "Cross-genre and
  cross-domain detection of semantic uncertainty", Computational Linguistics 38(2)): the cue
  classes epistemic, doxastic, investigation and condition, and the words they list.
- FactBank 1.0 annotation guidelines (Saurí & Pustejovsky 2009): event selecting predicates
  and modality markers that make an event possible or probable rather than factual.
- Hyland 1998/2005 ("Hedging in Scientific Research Articles"; "Metadiscourse"): the list of
  hedges (approximately, apparently, arguably, assume, believe, could, doubt, estimate ...).
- Wikipedia Manual of Style, "Words to watch" (MOS:WTW): unsupported attributions (weasel
  words), puffery (peacock words), contentious labels, expressions of doubt, editorializing.
Which of these words need a context check (and which were left out because they are nearly
always plain in news, such as "will" or "can") was decided on grammar, then checked against
the development counts of the hedges evaluation files (see bench/caveat_review.md).
"""

from __future__ import annotations

from generator.extract.common import EPISTEMIC_ADVERBS as EPISTEMIC_ADVERBS

# --- hedged: epistemic, doxastic and conditional cues ------------------------------------

# EPISTEMIC_ADVERBS: adverbs that lower the writer's commitment (Szeged epistemic; Hyland;
# MOS:WTW doubt), shared with the summary, so kept in generator.extract.common.

EPISTEMIC_ADJECTIVES = frozenset(
    """possible probable likely unlikely uncertain unclear potential alleged suspected presumed
    apparent
    doubtful questionable plausible hypothetical tentative rumored rumoured putative purported
    unconfirmed unverified speculative debatable conceivable improbable implausible
    unknown""".split()
)
"""Adjectives that present a state of affairs as possible rather than factual."""

EPISTEMIC_NOUNS = frozenset(
    """possibility possibilities likelihood probability speculation speculations rumor rumors
    rumour rumours suspicion suspicions allegation allegations hypothesis hypotheses assumption
    assumptions doubt doubts uncertainty uncertainties expectation expectations suggestion
    suggestions presumption""".split()
)
"""Nouns naming a possibility, belief or claim (Szeged epistemic and doxastic nouns)."""

DOXASTIC_VERBS = frozenset(
    """believe think suspect suppose presume assume speculate guess expect anticipate estimate
    predict forecast doubt suggest appear seem imply hypothesize hypothesise hint wonder
    foresee fear worry reckon surmise theorize theorise postulate accuse""".split()
)
"""Lemmas of verbs of belief, expectation and appearance (Szeged doxastic; FactBank SIPs)."""

VERBS_NEEDING_CLAUSE = frozenset(
    "think fear worry suggest wonder doubt guess assume suppose".split()
)
"""Doxastic verbs that hedge only with a clause or infinitive ('think that', not 'think about')."""

CONDITIONAL_MARKERS = frozenset("if unless whether".split())
"""Condition and investigation cues (Szeged condition / investigation classes)."""

HEDGE_PHRASES = (
    "not clear",
    "not known",
    "not sure",
    "remains to be seen",
    "remain to be seen",
    "yet to be seen",
    "no evidence",
    "no guarantee",
    "raises questions",
    "raise questions",
    "raised questions",
    "raising questions",
    "cast doubt",
    "casts doubt",
    "in question",
    "in case",
    "provided that",
    "on condition that",
    "looks like",
    "looked like",
    "look like",
)
"""Multiword hedges of the same guidelines (investigation and condition phrases)."""

REFUSAL_VERBS = frozenset(
    """comment say identify specify disclose divulge elaborate discuss talk name reveal confirm
    provide release give""".split()
)
"""Verbs of a refusal to speak ('would not comment'): a fact about the speaker, not a hedge."""

# --- weasel: vague sources and quantities -----------------------------------------------

VAGUE_QUANTIFIERS = frozenset(
    "some many most several various numerous countless certain few others".split()
)
"""Quantifiers that leave open who or how many (MOS:WEASEL: 'some people say', 'many are')."""

VAGUE_AMOUNTS = frozenset("some many several numerous countless".split())
"""Quantifiers that leave open how many things are meant, wherever they stand ('many times');
'few', 'various', 'certain' and 'most' say something definite enough and count only for people."""

PEOPLE_NOUNS = frozenset(
    """people persons experts critics analysts observers scholars historians scientists
    researchers economists commentators officials insiders diplomats members residents
    citizens voters fans users readers viewers writers authors commenters pundits skeptics
    sceptics supporters opponents detractors proponents advocates activists believers
    followers theorists academics specialists authorities allies countries nations
    governments leaders politicians lawmakers legislators investors traders bankers critics
    reviewers musicologists theologians philosophers linguists archaeologists biographers
    journalists reporters editors doctors physicians lawyers judges parents students teachers
    workers employees locals inhabitants westerners outsiders figures groups organizations
    organisations""".split()
)
"""Plural nouns for people and groups: 'some critics', 'many experts', 'some Western allies'."""

CLAIM_SOURCES = frozenset("sources reports studies accounts media newspapers polls surveys".split())
"""Plural nouns for sources of claims, vague when quantified and saying something."""

OPINION_HOLDERS = frozenset(
    """critics experts analysts observers commentators scholars historians pundits skeptics
    sceptics supporters opponents detractors proponents insiders sources people economists
    scientists researchers""".split()
)
"""Bare plurals that stand for an unnamed body of opinion when they say or think something
('critics say', 'experts believe'; MOS:WEASEL)."""

PEOPLE_SUFFIXES = ("ists", "ians", "ologists", "ographers")
"""Agent-noun endings that name people ('economists', 'historians')."""

ATTRIBUTION_PASSIVES = frozenset(
    """say believe think claim report allege rumor rumour argue suggest consider regard
    know estimate assume suppose presume describe call see view deem hold label perceive
    rate rank hail credit""".split()
)
"""Verbs whose agentless passive hides the source ('is said to', 'is widely regarded as')."""

EVALUATION_PASSIVES = frozenset(
    """criticize criticise praise acclaim hail laud condemn dispute question contest
    challenge cite describe""".split()
)
"""Verbs of judgement whose agentless passive hides who judged ('the plan has been
criticized'; MOS:WEASEL)."""

WEASEL_ADVERBS = frozenset("widely generally popularly".split())
"""Adverbs of vague extent (MOS:WEASEL: 'widely regarded', 'generally considered')."""

WEASEL_PHRASES = (
    "growing consensus",
    "broad consensus",
    "general consensus",
    "emerging consensus",
    "conventional wisdom",
    "it is said",
    "it is believed",
    "it is thought",
    "it is claimed",
    "it is reported",
    "it is alleged",
    "it is rumored",
    "it is rumoured",
    "it is argued",
    "it is suggested",
    "it is widely",
    "it has been said",
    "it has been suggested",
    "it has been argued",
    "it has been claimed",
    "it has been reported",
    "research has shown",
    "research shows",
    "research suggests",
    "studies show",
    "studies have shown",
    "studies suggest",
    "there is evidence",
    "according to some",
    "by some accounts",
    "by many accounts",
    "by most accounts",
    "some say",
    "some argue",
    "some believe",
    "many believe",
    "many say",
    "a growing number of",
    "a number of",
    "plenty of",
    "an increasing number of",
    "increasingly seen",
    "in the eyes of many",
    "it is often",
    "has been described as",
    "have been described as",
    "is often described as",
    "are often described as",
    "has been called",
    "have been called",
    "is sometimes called",
)
"""Unsupported attributions of MOS:WEASEL and the CoNLL-2010 Wikipedia weasel annotation."""

# --- forward-looking: plans, intentions, targets, pledges --------------------------------

INTENTION_VERBS = frozenset(
    """plan aim intend pledge promise vow hope commit propose resolve undertake""".split()
)
"""Lemmas of verbs that announce an intended act when followed by an infinitive ('plan to')."""

INTENTION_NOUNS = frozenset(
    """plan plans intention intentions intent aim aims goal goals target targets pledge pledges
    promise promises commitment commitments ambition ambitions proposal proposals bid
    roadmap timetable""".split()
)
"""Nouns naming an intended act or a target ('a plan to', 'a target of', 'the goal of')."""

INTENTION_SIGNALS = frozenset("signal signaled signalled announce announced".split())

# --- opinion: evaluative wording in the reporter's voice ---------------------------------

PUFFERY = frozenset(
    """legendary great acclaimed iconic visionary outstanding leading celebrated renowned
    remarkable prestigious world-class respected notable virtuoso honorable honourable awesome
    unique pioneering phenomenal prominent brilliant extraordinary spectacular stunning
    unparalleled unrivalled unrivaled unmatched groundbreaking cutting-edge revolutionary
    innovative famed illustrious masterful""".split()
)
"""Peacock words (MOS:PUFFERY) that praise without saying who thinks so."""

ACCLAIM_ADJECTIVES = PUFFERY | frozenset(
    """important popular famous notable significant influential successful distinguished
    beautiful""".split()
)
"""Adjectives of praise or standing: in the superlative ('the most influential', 'one of the
most important') they rank without saying by whose judgement (MOS:PUFFERY; the peacock terms of
the CoNLL-2010 Wikipedia weasel annotation). Measurable superlatives ('the most populous',
'the earliest') are facts, not in this list."""

RANKING_PHRASE = (
    r"(?<![\w-])(?:one|some|among)\s+of\s+(?:the|his|her|its|their)\s+"
    r"(?:best|greatest|finest|foremost)(?![\w-])"
)
"""'one of the greatest', 'some of his best': a place among the best that nobody is said to have
judged (MOS:PUFFERY). 'One of the most' counts only with an adjective of praise (above): 'one of
the most strongly capitalized' measures."""

CONTENTIOUS_LABELS = frozenset(
    """cult racist perverted sect fundamentalist heretic denialist bigot bigoted regime
    propaganda thug thugs radical radicals
    so-called zealot zealots fanatic fanatics demagogue puppet""".split()
)
"""Value-laden labels (MOS:LABEL) that take a side when the reporter uses them. 'Terrorist'
and 'extremist' are on that list too but are left out: news uses them as the standard names
of designated groups and attacks, so they flagged far more plain reporting than opinion."""

EDITORIALIZING = frozenset(
    """notably interestingly utterly clearly certainly fortunately unfortunately
    happily tragically sadly ironically inevitably undoubtedly obviously admittedly
    naturally shockingly alarmingly disturbingly remarkably astonishingly mercifully
    regrettably""".split()
)
"""Adverbs that editorialize (MOS:EDITORIALIZING): they tell the reader what to think."""

EXPRESSIONS_OF_DOUBT = frozenset("supposed purported so-called notorious infamous".split())
"""Words that cast doubt or stigma (MOS:DOUBT)."""

LOADED_WORDS = frozenset(
    """stark aggressive dramatic drastic shocking outrageous brutal devastating alarming
    disastrous catastrophic staggering furious slammed blasted lashed draconian reckless
    heroic shameful disgraceful crushing bombshell explosive chilling terrifying horrific
    absurd ridiculous baseless scathing blistering fiery defiant desperate dire grim
    humiliating stunning relentless ruthless savage vicious harsh
    controversial""".split()
)
"""Intense evaluative words of news prose (strongly subjective in the MPQA subjectivity
lexicon, Wilson, Wiebe & Hoffmann 2005) that a neutral report would not need."""

# --- relayed: outlets that carry someone else's words ------------------------------------

RELAY_VERBS = frozenset("report quote cite carry publish broadcast air".split())
"""Lemmas of verbs by which an outlet passes on what someone said."""

NEWS_NOUNS = frozenset(
    """agency agencies newspaper newspapers news times post journal gazette tribune herald
    telegraph guardian chronicle daily weekly magazine radio television tv broadcaster
    channel wire media outlet press network tabloid""".split()
)
"""Words that mark a news organisation in English."""

FOREIGN_NEWS_WORDS = frozenset(
    """novosti izvestia izvestiya vesti pravda gazeta kommersant zeitung allgemeine
    nachrichten tagesschau spiegel monde figaro presse libération liberation nouvelles
    corriere sera repubblica stampa notizie agenzia agence agencia prensa noticias diario
    país pais mundo periódico jornal folha estado haber hürriyet hurriyet yeni sabah
    wyborcza rzeczpospolita dnevnik novine vijesti nieuws krant dagblad dagbladet avisen
    tidning nyheter aftonbladet shimbun ilbo ribao xinwen akhbar ahram watan""".split()
)
"""Foreign-language words for news, newspaper, agency or press that outlet names are built
from (Russian, German, French, Italian, Spanish, Portuguese, Turkish, Polish, South Slavic,
Dutch, Scandinavian, Japanese, Korean, Chinese and Arabic): a sign the outlet does not
publish in English."""

ANGLOPHONE_PLACES = frozenset(
    """american americans us u.s. usa united states britain british uk u.k. england english
    london washington australia australian canada canadian ireland irish scotland scottish
    wales welsh zealand""".split()
)
"""Countries and nationalities whose outlets publish in English."""

# --- unattributed: the reporter's own claims about causes, motives and meaning ----------

CAUSAL_PHRASES = (
    "because of",
    "as a result of",
    "as a result",
    "due to",
    "owing to",
    "thanks to",
    "in order to",
    "in an effort to",
    "in a bid to",
    "so as to",
    "rooted in",
    "driven by",
    "motivated by",
    "fuelled by",
    "fueled by",
    "prompted by",
    "stems from",
    "stem from",
    "stemmed from",
    "stemming from",
    "aimed at",
    "designed to",
    "meant to",
    "leads to",
    "led to",
    "results in",
    "resulted in",
    "depends on",
    "depend on",
)
"""Explicit causal and purpose connectives (Penn Discourse Treebank 2.0 Contingency senses)
and causal predicates: who says this is the cause or the motive?"""

CAUSAL_WORDS = frozenset("because consequently therefore thus hence".split())
"""Single-word causal connectives of the Penn Discourse Treebank."""

INTERPRETIVE_VERBS = frozenset(
    """underscore underline highlight reflect signal show demonstrate illustrate reveal
    expose confirm prove cause trigger spark fuel""".split()
)
"""Verbs by which a thing (not a person) is said to show or cause something: the reporter's
reading of events ('the refusal highlights the divisions')."""

MOTIVE_NOUNS = frozenset(
    """desire reluctance eagerness willingness unwillingness determination motive motives
    motivation ambition ambitions""".split()
)
"""Nouns that ascribe a motive or state of mind to an actor ('its desire to avoid')."""

TREND_ADVERBS = frozenset("increasingly largely essentially fundamentally effectively".split())
"""Adverbs that sum up a trend or essence in the reporter's words ('increasingly shifted')."""

PERSONAL_PRONOUNS = frozenset("i we you he she they".split())
SPEAKER_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson minister president secretary chairman chairwoman
    director chief official ministry government administration agency court board commission
    committee council company firm party campaign police prosecutor judge""".split()
)
"""Singular nouns for people and bodies that speak for themselves ('the ministry said')."""
OBJECT_PRONOUNS = frozenset("me us him her them".split())

DOCUMENT_SOURCES = frozenset(
    """poll polls survey surveys records record data figures documents document statistics
    study studies report reports filings filing census analysis""".split()
)
"""Documents that are a source in themselves ('records show', 'polls show')."""
