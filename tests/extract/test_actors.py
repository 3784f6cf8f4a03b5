"""Actors: merging, types, roles, affiliations, descriptions and pronouns on small hand-written texts."""

from __future__ import annotations

import pytest

from generator.extract.actors.gazetteer import demonyms, given_names, place, titles


def actor(report, name):
    found = [a for a in report.actors if a.name == name]
    assert found, f"no actor {name!r} in {[(a.name, a.type) for a in report.actors]}"
    return found[0]


def actor_with_mention(report, text):
    found = [a for a in report.actors if any(m.text == text for m in a.mentions)]
    assert found, f"no actor mentioned as {text!r} in {[a.name for a in report.actors]}"
    return found


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("U.S.", "country", "US"),
        ("US", "country", "US"),
        ("the United States", "country", "US"),
        ("United States of America", "country", "US"),
        ("Brazil", "country", "BR"),
        ("Nairobi", "capital", "KE"),
        ("Scotland", "country", None),
        ("Europe", "continent", ""),
    ],
)
def test_gazetteer_places(name, kind, country):
    found = place(name)
    assert found is not None and found.kind == kind
    if country is not None:
        assert found.country == country


def test_gazetteer_lexicons():
    assert demonyms()["brazilian"].country == "BR"
    assert "minister" in titles()
    assert given_names()["margaret"] == "female"
    assert place("Tuesday") is None


def test_country_aliases_merge(analyse):
    report = analyse(
        "The United States imposed tariffs on Monday. Officials in the U.S. said the move "
        "was overdue, and US farmers protested."
    )
    us = actor_with_mention(report, "United States")
    assert len(us) == 1
    assert {"United States", "U.S.", "US"} <= {m.text for m in us[0].mentions}
    assert us[0].type == "place"


def test_capital_stays_place_with_country_affiliation(analyse):
    report = analyse(
        "Peace talks between Kenya and Tanzania stalled. Nairobi rejected the offer, "
        "officials in Kenya said."
    )
    nairobi = actor(report, "Nairobi")
    assert nairobi.type == "place"
    assert "kenya" in nairobi.affiliations


def test_acronym_in_brackets_merges_with_full_name(analyse):
    report = analyse(
        "The Federation of Coastal Fishermen (FCF) called a strike. The FCF says prices are too low."
    )
    fcf = actor_with_mention(report, "FCF")
    assert len(fcf) == 1
    assert fcf[0].name == "Federation of Coastal Fishermen"
    assert fcf[0].type == "organization"


def test_company_short_name_merges(analyse):
    report = analyse(
        "Lindqvist Holdings reported higher profits. Analysts said Lindqvist would keep growing."
    )
    company = actor(report, "Lindqvist Holdings")
    assert company.type == "organization"
    assert "Lindqvist" in [m.text for m in company.mentions]


def test_surname_joins_person_and_canonical_is_fullest(analyse):
    report = analyse(
        "Former party chief Ingrid Halvorsen spoke first. Later, Halvorsen left the hall."
    )
    person = actor(report, "Ingrid Halvorsen")
    assert person.type == "person"
    assert [m.text for m in person.mentions] == ["Ingrid Halvorsen", "Halvorsen"]


def test_role_description_and_pronoun_link_to_person(analyse):
    report = analyse(
        "Interior Minister Paolo Serra visited the port on Monday. "
        "The minister said the harbour would reopen. His staff confirmed it."
    )
    serra = actor(report, "Paolo Serra")
    texts = [m.text for m in serra.mentions]
    assert "Interior Minister" in serra.roles
    assert "The minister" in texts
    assert "His" in texts


def test_possessive_role_and_country_affiliation(analyse):
    report = analyse("Chile's Trade Minister Rosa Ibarra met reporters in the capital.")
    ibarra = actor(report, "Rosa Ibarra")
    assert "Trade Minister" in ibarra.roles
    assert "chile" in ibarra.affiliations


def test_x_of_y_affiliation(analyse):
    report = analyse(
        "Tomas Ruiz of the Andean Farmers Union told reporters the harvest had failed."
    )
    ruiz = actor(report, "Tomas Ruiz")
    assert "andean-farmers-union" in ruiz.affiliations


def test_its_links_to_the_organisation(analyse):
    report = analyse(
        "Norwind Airlines cut its forecast on Tuesday. The airline blamed fuel prices."
    )
    airline = actor(report, "Norwind Airlines")
    texts = [m.text for m in airline.mentions]
    assert "its" in texts
    assert "The airline" in texts


def test_headline_in_capitals_and_dateline(analyse):
    report = analyse(
        "FLOODS HIT KENYA AGAIN\nNAIROBI 2024-04-02\nHeavy rain flooded parts of Kenya on Tuesday."
    )
    kenya = actor(report, "Kenya")
    assert kenya.type == "place"
    assert "KENYA" in [m.text for m in kenya.mentions]
    assert actor_with_mention(report, "NAIROBI")[0].type == "place"


def test_trailing_numbers_are_not_part_of_names(analyse):
    report = analyse(
        "Result on Saturday:\nMargaret Osei (Ghana) 12.41\nHelen Brandt (Kenya) 12.58\n"
    )
    for a in report.actors:
        for m in a.mentions:
            assert not any(ch.isdigit() for ch in m.text), m.text
    assert actor(report, "Ghana").type == "place"


def test_given_name_marks_a_person_the_tagger_missed(analyse):
    report = analyse("Third round:\nMargaret Oyelaran beat Helen Quist 6-3 6-4.\n")
    names = {a.name: a.type for a in report.actors}
    assert names.get("Margaret Oyelaran") == "person"
    assert names.get("Helen Quist") == "person"


def test_group_is_kept_apart(analyse):
    report = analyse(
        "The Baltic League met on Monday. League member states disagreed, and some Western "
        "allies stayed away."
    )
    groups = {a.name for a in report.actors if a.type == "group"}
    assert "member states" in " ".join(groups)
    assert all(a.type != "group" for a in report.actors if a.name == "Baltic League")


def test_mentions_are_exact_slices(analyse):
    report = analyse(
        "Kenya's President Amina Wanjiru met Tanzania’s envoy. Wanjiru said her country would help."
    )
    text = report.article.text
    for a in report.actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text


# --- whole names, typed from the whole document, roles that are roles -------------------


def test_hyphenated_names_stay_whole(analyse):
    report = analyse(
        "Kim Jong-un met envoys in Pyongyang. Phoebe Hale-Barrow won the prize on Monday. "
        "Hale-Barrow thanked the jury."
    )
    assert actor(report, "Kim Jong-un").type == "person"
    writer = actor(report, "Phoebe Hale-Barrow")
    assert writer.type == "person"
    assert "Hale-Barrow" in [m.text for m in writer.mentions]
    assert not any(a.name == "Hale-Barrow" for a in report.actors)


def test_a_surname_shared_with_a_town_is_the_person(analyse):
    report = analyse("Rafael Phoenix won the award. Phoenix thanked his brother.")
    person = actor(report, "Rafael Phoenix")
    assert "Phoenix" in [m.text for m in person.mentions]
    assert not any(a.type == "place" and a.name == "Phoenix" for a in report.actors)


def test_a_persons_title_in_apposition_types_the_name(analyse):
    report = analyse(
        "Eva-Marie Persson, a professor at Cornell University, said the plan was sound. "
        "Persson added that it would work."
    )
    professor = actor(report, "Eva-Marie Persson")
    assert professor.type == "person"
    assert "Persson" in [m.text for m in professor.mentions]
    assert actor(report, "Cornell University").type == "organization"


def test_common_words_days_laws_and_nationalities_are_not_actors(analyse):
    report = analyse(
        "Meth is cheap, and meth use has doubled, the sheriff said on Monday. "
        "The Fair Harbour Act passed. Africans and Europeans watched the Lyon Garden Show."
    )
    names = {a.name for a in report.actors}
    assert not names & {"Meth", "Monday", "Fair Harbour Act", "Africans", "Lyon Garden Show"}


def test_honorifics_and_party_tags_are_not_roles(analyse):
    report = analyse(
        "Mr. Leo Brandt, the mayor, spoke first. Gov. Ada Obi spoke next. "
        "Sen. Ruth Amadi, R-Neb., spoke last."
    )
    assert actor(report, "Leo Brandt").roles == ["mayor"]
    assert actor(report, "Ada Obi").roles == ["governor"]
    assert actor(report, "Ruth Amadi").roles == ["senator"]


def test_an_owner_and_its_property_are_two_names(analyse):
    report = analyse("Verizon bought Yahoo. Verizon’s Yahoo will keep its name.")
    names = {a.name for a in report.actors}
    assert "Verizon’s Yahoo" not in names
    assert {"Verizon", "Yahoo"} <= names


def test_arabic_particles_stay_with_the_name(analyse):
    report = analyse("Militants of al-Qaeda attacked the town. Omar al-Bashir denied it.")
    names = {a.name for a in report.actors}
    assert {"al-Qaeda", "Omar al-Bashir"} <= names
    assert not names & {"Qaeda", "Omar"}


def test_awards_and_holidays_are_not_actors(analyse):
    report = analyse("Leo Brandt received the Royal Medal of Valour at Easter.")
    assert [a.name for a in report.actors] == ["Leo Brandt"]


def names_and_types(report):
    return {a.name: a.type for a in report.actors if a.type != "group"}


def test_a_lone_word_is_a_person_only_with_a_persons_mark(analyse):
    report = analyse(
        "President-elect Varga met donors. Varga said the vote was fair. "
        "Users of Quillbox complained on Tuesday, and Quillbox apologised."
    )
    found = names_and_types(report)
    assert found.get("Varga") == "person"
    assert found.get("Quillbox") != "person"


def test_kinship_nouns_mark_a_person(analyse):
    report = analyse(
        "The minister arrived with his wife Oriana. His first wife, Delphine, had died in 1990."
    )
    found = names_and_types(report)
    assert found.get("Oriana") == "person"
    assert found.get("Delphine") == "person"


def test_classifier_nouns_type_a_name(analyse):
    report = analyse(
        "The space agency Kosmodrax said the launch failed. Officials in the Tarvek region "
        "said debris fell. The Tarvek government said nobody was hurt."
    )
    found = names_and_types(report)
    assert found.get("Kosmodrax") == "organization"
    assert found.get("Tarvek") == "place"


def test_a_bare_surname_goes_to_the_first_person_introduced(analyse):
    report = analyse(
        "Tomas Ravelli has guided ships for fifty years. Ravelli says the work is hard. "
        "His son, Marco Ravelli, joined him in 2010. Ravelli still leads every trip."
    )
    father = actor(report, "Tomas Ravelli")
    son = actor(report, "Marco Ravelli")
    assert [m.text for m in father.mentions if m.text == "Ravelli"] == ["Ravelli"] * 2
    assert [m.text for m in son.mentions if "Ravelli" in m.text] == ["Marco Ravelli"]
    assert "Ravelli" not in names_and_types(report)


def test_a_surname_alone_joins_its_full_name_not_a_namesake_first_name(analyse):
    report = analyse(
        "The engineer Pierre Lemaire built the first lamp. The composer Lemaire Dubois "
        "admired it. Lemaire sold the patent in 1915."
    )
    assert "Lemaire" in [m.text for m in actor(report, "Pierre Lemaire").mentions]
    assert "Lemaire" not in names_and_types(report)


def test_acronyms_clipped_forms_and_web_addresses_join_their_full_name(analyse):
    report = analyse(
        "Shops in the Inner Harbour District closed. The IHD was empty by noon. "
        "The Federal Reserve held rates. The Fed meets again in June. "
        "The site Factcheckly.com rated the claim false, and Factcheckly said it would update it."
    )
    found = names_and_types(report)
    assert "IHD" not in found
    assert "Fed" not in found
    assert "Factcheckly" not in found
    assert "Fed" in [m.text for m in actor(report, "Federal Reserve").mentions]
    assert found.get("Factcheckly.com") == "organization"


def test_a_misspelt_surname_joins_the_one_person_it_is_one_letter_from(analyse):
    report = analyse(
        '"It will not happen on its own," said Trevor Maddox, a partner at the firm. '
        "Emissions rose, Madox said."
    )
    assert "Madox" in [m.text for m in actor(report, "Trevor Maddox").mentions]
    assert "Madox" not in names_and_types(report)


def test_terms_time_zones_languages_and_the_earth_are_not_actors(analyse):
    report = analyse(
        'Firms report "annual contract value" (ACV) like sales. The ACV is audited. '
        "The launch was set for 8:51 p.m. (1451 GMT). Many there speak Swahili. "
        "The probe will leave Earth in May."
    )
    found = names_and_types(report)
    assert not found.keys() & {"ACV", "GMT", "Swahili", "Earth"}


def test_a_place_only_modifying_a_noun_is_not_an_actor(analyse):
    report = analyse(
        "Brazilian officials met U.S. officials on Monday. Later the Norway government and "
        "travellers at Heathrow airport were told."
    )
    found = names_and_types(report)
    assert "U.S." not in found
    assert found.get("Norway") == "place"
    assert found.get("Heathrow") == "place"


def test_a_place_compounded_into_a_name_is_a_body(analyse):
    report = analyse(
        "The London Veltrix scandal grew. Reporters asked what London Veltrix knew, and "
        "London Veltrix declined."
    )
    found = names_and_types(report)
    assert found.get("London Veltrix") == "organization"
    assert "London" not in found and "Veltrix" not in found


def test_a_name_cut_at_and_with_an_organisation_word_is_one_body(analyse):
    report = analyse(
        "Tourism fell by half, according to the World Sailing and Regatta Council, an industry body."
    )
    found = names_and_types(report)
    assert found.get("World Sailing and Regatta Council") == "organization"


def test_person_shaped_names(analyse):
    report = analyse("The Helix QRT rocket flew. Nobody from My Garden replied.")
    found = names_and_types(report)
    assert found.get("Helix QRT") != "person"
    assert found.get("My Garden") != "person"


def test_one_word_used_repeatedly_is_not_confident(analyse):
    report = analyse(
        "Quillbox rose. Analysts praised Quillbox. Quillbox shares then fell. "
        "Ingrid Halvorsen spoke. Later, Halvorsen left."
    )
    for a in report.actors:
        if a.name == "Quillbox":
            assert a.confidence < 0.8
    assert actor(report, "Ingrid Halvorsen").confidence >= 0.8


def test_an_organisation_qualified_by_its_country_is_one_actor(analyse):
    report = analyse(
        "The bill went to the US Congress in May. Congress has not voted on it, and Congress "
        "may never do so."
    )
    found = names_and_types(report)
    assert "Congress" not in found
    assert found.get("US Congress") == "organization"


def test_roles_of_bodies_and_long_appositions(analyse):
    report = analyse(
        "The news agency Reuters reported the deal. Critics pointed to Hanna Lindgren, a former "
        "government typist who rose to lead the party in the years after the war."
    )
    assert actor(report, "Reuters").roles == ["news agency"]
    assert "former government typist" in actor(report, "Hanna Lindgren").roles


def test_items_of_one_list_are_of_one_kind(analyse):
    report = analyse("The firm owns Pinterest, Atlas, Skype, and dozens of other companies.")
    assert names_and_types(report).get("Atlas") == "organization"


def test_a_city_and_a_branch_by_country_stay_apart_from_longer_names(analyse):
    report = analyse(
        "The Las Vegas Strip glows at night, and Las Vegas keeps growing. "
        "Analysts said Vantorix would sell Vantorix Japan. Vantorix shares rose."
    )
    found = names_and_types(report)
    assert found.get("Las Vegas") == "place"
    assert found.get("Las Vegas Strip") == "place"
    assert "Vantorix Japan" in found
    assert "Vantorix" not in [m.text for m in actor(report, "Vantorix Japan").mentions]


def test_a_name_after_a_or_a_product_noun_is_not_an_actor(analyse):
    report = analyse(
        'Few think that ticking a "Terms of Service" box is consent. Doctors prescribed '
        "the drug Xyralon. Tessa Morland played an aging Mara Lindqvist."
    )
    found = names_and_types(report)
    assert "Terms of Service" not in found
    assert "Xyralon" not in found
    assert found.get("Mara Lindqvist") == "person"


def test_a_hashtag_is_not_a_name(analyse):
    report = analyse('The magazine tweeted: "#Corvano Tessaly show interrupted by fans."')
    assert "Corvano Tessaly" not in names_and_types(report)


def test_dateline_opens_with_a_place(analyse):
    report = analyse(
        "MOLINE, Illinois 1997-05-04\nDock workers walked out on Monday, a union said.\n"
    )
    assert actor(report, "Illinois").type == "place"
    report = analyse(
        "EAU CLAIRE, Wis. (AP) — Dock workers walked out on Monday, a union spokeswoman said.\n"
    )
    assert actor(report, "EAU CLAIRE").type == "place"


def test_dateline_place_beside_its_team(analyse):
    text = (
        "BASEBALL - RESULTS OF SUNDAY'S GAMES.\n"
        "DENVER 1997-05-04\n"
        "Denver beat Houston 5-3 on Sunday and Denver now lead the division.\n"
    )
    report = analyse(text)
    at = text.index("DENVER")
    filed = [a for a in report.actors if any(m.start == at for m in a.mentions)]
    assert filed and filed[0].type == "place"


def test_table_rows_are_one_kind_of_competitor(nlp):
    from generator.extract.actors.names import Name, _one_kind_per_table, name_key

    text = (
        "Results of the mile on Saturday:\n"
        "1. Maria Gonzalez (Spain) 4:21.30\n"
        "2. Ilse Brandvold (Norway) 4:22.10\n"
        "3. Joan Bell (Canada) 4:23.50\n"
        "Fans cheered Joan Bell and 4 others, 2 said.\n"
    )
    doc = nlp(text)
    names = []
    for who, kind in (("Maria Gonzalez", "person"), ("Ilse Brandvold", "organization"),
                      ("Joan Bell", "person"), ("Spain", "place")):  # fmt: skip
        start = text.index(who)
        span = doc.char_span(start, start + len(who))
        names.append(Name(span=span, key=name_key(who), kind=kind))
    _one_kind_per_table(names)
    assert [n.kind for n in names] == ["person", "person", "person", "place"]


def test_names_in_the_cells_of_results_tables(analyse):
    text = (
        "FOOTBALL - NORTHERN COUNTIES RESULTS.\n"
        "Results of Saturday's matches:\n"
        "Cobham Rovers 2 Elmstead (B) 1\n"
        "Hexley Athletic 0 Norland 3\n"
        "Standings (played, won, drawn, lost, points):\n"
        "Norland 3 2 1 0 7\n"
        "Cobham Rovers 3 2 0 1 6\n"
        "Hexley Athletic 3 1 0 2 3\n"
        "Elmstead (B) 3 0 1 2 1\n"
        "Brazil 3 0 0 3 0\n"
    )
    report = analyse(text)
    kinds = {m.text: a.type for a in report.actors for m in a.mentions}
    for team in ("Cobham Rovers", "Elmstead (B)", "Hexley Athletic", "Norland"):
        assert kinds.get(team) == "organization", (team, kinds)
    assert kinds.get("Brazil") == "place"  # a national side is named by its country


def test_fixture_lines_name_the_sides_and_the_venue(analyse):
    text = (
        "BASEBALL - WESTERN LEAGUE.\n"
        "Standings:\n"
        "NORLAND 71 61 .538 -\n"
        "ELMSTEAD 64 70 .478 7\n"
        "Sunday's games:\n"
        "NORLAND AT ELMSTEAD\n"
        "HEXLEY AT COBHAM\n"
    )
    report = analyse(text)
    at = text.index("NORLAND AT ELMSTEAD")
    kinds = {(m.start, m.end): a.type for a in report.actors for m in a.mentions}
    assert kinds.get((at, at + 7)) == "organization"  # the side that travels
    assert kinds.get((at + 11, at + 19)) == "place"  # the town it plays in
    assert kinds.get((text.index("ELMSTEAD 64"), text.index("ELMSTEAD 64") + 8)) == "organization"


def test_bracketed_acronym_is_the_name_it_follows(analyse):
    text = (
        "Grain contracts on the Norland International Futures Exchange (NIFE) slipped.\n"
        "The March wheat future on NIFE was trading at 3.12, down two cents.\n"
        "The May corn future on NIFE was trading at 2.71.\n"
    )
    report = analyse(text)
    exchange = actor_with_mention(report, "NIFE")
    assert len(exchange) == 1 and exchange[0].type == "organization"
    assert sum(m.text == "NIFE" for m in exchange[0].mentions) == 3


def test_month_before_a_name_is_not_part_of_it(analyse):
    report = analyse(
        "Dealers watched the March Kestrel Purchasing Association survey of factory orders.\n"
    )
    names = {m.text for a in report.actors for m in a.mentions}
    assert "Kestrel Purchasing Association" in names
    assert not any(n.startswith("March") for n in names)


def test_dateline_places_are_whole(analyse):
    text = "SAN LORENZO DEL MAR, Spain 1997-05-04\nDock workers walked out on Monday.\n"
    report = analyse(text)
    place_names = {m.text for a in report.actors if a.type == "place" for m in a.mentions}
    assert "SAN LORENZO DEL MAR" in place_names


def test_towns_that_play_in_a_sports_report_are_teams(analyse):
    text = (
        "Tampere won the toss and batted, and their captain's century put them on top of the "
        "league table.\n"
        "Oulu, their nearest title rivals, need a victory and two wickets on the last day.\n"
        "Rain in Linz washed out the morning session before Tampere dismissed Turku for 150.\n"
        "The coach said the season would go to the final match.\n"
    )
    report = analyse(text)
    kinds: dict[str, set[str]] = {}
    for a in report.actors:
        for m in a.mentions:
            kinds.setdefault(m.text, set()).add(a.type)
    assert kinds["Tampere"] == {"organization"}
    assert kinds["Turku"] == {"organization"}
    assert kinds["Oulu"] == {"organization"}
    assert kinds["Linz"] == {"place"}  # where the match was played


def test_towns_in_other_news_stay_places(analyse):
    report = analyse(
        "Turku extended its lead over Tampere in the race for the new factory, and won the "
        "title of greenest city, officials said.\n"
    )
    assert actor(report, "Turku").type == "place"


def test_classes_of_a_competition_are_not_actors(analyse):
    text = (
        "ATHLETICS - AVALON GAMES, LEADING PLACINGS.\n"
        "Women's 3,000 metres steeplechase\n"
        "1. Ann Lee (Kenya) 9:12.71\n"
        "Women's javelin throw\n"
        "1. Ilse Vangsnes (Norway) 64.10\n"
        "Men's 10,000 metres walk\n"
        "1. Bo Li (China) 39:13.10\n"
    )
    report = analyse(text)
    assert not [a for a in report.actors if any(m.text in ("Women", "Men") for m in a.mentions)]
    assert actor(report, "Ilse Vangsnes").type == "person"


def test_a_role_before_a_lone_surname_makes_a_person(analyse):
    report = analyse("The wicket fell when off-spinner Ramsby found the edge.\n")
    assert actor(report, "Ramsby").type == "person"


def test_players_in_a_cricket_scorecard_are_people(analyse):
    text = (
        "CRICKET - NORLAND V ELMSTEAD, CLOSE OF PLAY.\n"
        "Norland\n"
        "T. Ashgrove c Penwright b Kolbeck 44\n"
        "R. Danvers lbw b Kolbeck 0\n"
        "M. Ellery st Quarrie b Penwright 12\n"
        "F. Holt not out 8\n"
        "Did not bat: Ostlund, Vantongeren.\n"
        "Bowling: Kolbeck 10-0-41-2, Penwright 8-1-26-1, Quarrie\n"
        "6-0-27-0.\n"
    )
    report = analyse(text)
    kinds = {m.text: a.type for a in report.actors for m in a.mentions}
    for player in ("T. Ashgrove", "Penwright", "Kolbeck", "Quarrie", "Ostlund", "Vantongeren"):
        assert kinds.get(player) == "person", (player, kinds)


def test_places_in_a_headline_in_capitals(analyse):
    text = (
        "SOCCER - BOLIVIA BEAT PERU IN LA PAZ.\nLIMA 1996-08-31\nThe match ended 2-0 on Saturday.\n"
    )
    report = analyse(text)
    start = text.index("LA PAZ")
    spans = {(m.start, m.end): a.type for a in report.actors for m in a.mentions}
    assert spans.get((start, start + 6)) == "place"


def test_a_place_then_a_plural_proper_noun_is_a_team(analyse):
    report = analyse("Fans of the Tampere Otters queued overnight for tickets.\n")
    assert actor(report, "Tampere Otters").type == "organization"


def test_a_monarchs_number_is_part_of_the_name(analyse):
    report = analyse("A portrait of Aldric VII was sold at auction.\n")
    names = {a.name: a.type for a in report.actors}
    assert names.get("Aldric VII") == "person"


def test_scorers_and_line_ups_name_players(analyse):
    text = (
        "SOCCER - NORLAND BEAT ELMSTEAD 2-0.\n"
        "Norland - Kwame Osei-Tutu (21st minute), Radu Vlasceanu (65th)\n"
        "Elmstead: 15 - Tane Horomona, 14 - Piet van der Merwe, 13 - Oli Brannagh (Sione Tuipulotu, "
        "48 mins), 12 - Kees Dijkhuis (captain)\n"
    )
    report = analyse(text)
    kinds = {m.text: a.type for a in report.actors for m in a.mentions}
    for player in ("Kwame Osei-Tutu", "Radu Vlasceanu", "Tane Horomona", "Piet van der Merwe",
                   "Sione Tuipulotu", "Kees Dijkhuis"):  # fmt: skip
        assert kinds.get(player) == "person", (player, kinds)


def test_dated_events_are_not_a_line_up(analyse):
    report = analyse("1990 - Ann Lee died in Avalon.\n1991 - Bo Li was born.\n")
    assert actor(report, "Ann Lee").type == "person"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Two shops in the hill town of Ostrava-Nord were burgled overnight.\n",
            "Ostrava-Nord",
            "place",
        ),
        (
            "Premier division club Hexamora paid a record fee for the goalkeeper.\n"
            "Hexamora have not won a trophy in ten years.\n",
            "Hexamora",
            "organization",
        ),
        (
            "Farmers in the South Bank protested on Monday.\n"
            "Troops were sent into the South Bank, officials said.\n",
            "South Bank",
            "place",
        ),
    ],
)
def test_classifier_nouns_and_compass_regions(analyse, text, name, kind):
    assert actor(analyse(text), name).type == kind


def test_a_team_sheet_of_surnames_lists_people(analyse):
    text = (
        "Norland manager Ewan Ashby named his side for the cup tie.\n"
        "Michael Brannock returns in defence and Liam Dolan starts up front.\n"
        "The team is as follows:\n"
        "Halloran, Brannock, Vesey, Kinsella, Tighe, Dolan, Mulvanney.\n"
    )
    report = analyse(text)
    start = text.index("Halloran")
    kinds = {(m.start, m.text): a.type for a in report.actors for m in a.mentions}
    for name in ("Halloran", "Vesey", "Kinsella", "Tighe", "Mulvanney"):
        at = text.index(name, start)
        assert kinds.get((at, name)) == "person", (name, kinds)


def test_a_list_of_companies_is_not_a_team_sheet(analyse):
    report = analyse(
        "Shares of Alvexa, Brightwell, Corvane, Duralux and Enverra fell on Monday.\n"
        "Alvexa, Brightwell, Corvane, Duralux, Enverra\n"
    )
    assert not [a for a in report.actors if a.name == "Corvane" and a.type == "person"]


def test_the_team_in_a_results_row(analyse):
    text = (
        "CYCLING - AVALON STAGE RACE, LEADING PLACINGS.\n"
        "Leading results of the third stage:\n"
        "1. Ann Lee (Kenya) Hexley Motors 4 hours 12 mins 3 seconds\n"
        "2. Bo Li (China) Norvane 5 seconds behind\n"
        "3. Ilse Vangsnes (Norway) Hexley Motors same time\n"
    )
    report = analyse(text)
    assert actor(report, "Norvane").type == "organization"
    assert actor(report, "Bo Li").type == "person"


def test_table_of_figures_is_not_a_table_of_names(analyse):
    text = (
        "Quarterly results (in millions of crowns):\n"
        "Sales 9.06 9.31 8.42\n"
        "Profit 4.15 4.90 4.12\n"
        "The company said demand was steady.\n"
    )
    report = analyse(text)
    assert not [a for a in report.actors if a.name in ("Sales", "Profit")]


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("The Kestrel cargo ship lifted off. A Kestrel cargo ship was lost in May.", "Kestrel"),
        ("Bonds fell as the yield on the Treasury note rose, traders said.", "Treasury"),
        (
            'It sounds like "Sky Harbor Raiders" but the developer said it was new.',
            "Sky Harbor Raiders",
        ),
        ("The rival Lumo version will launch later, analysts said.", "Lumo"),
    ],
)
def test_name_of_a_thing_is_not_an_actor(analyse, text, thing):
    report = analyse(text)
    assert thing not in {a.name for a in report.actors}


def types_of(report):
    return {a.name: a.type for a in report.actors}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        pytest.param(
            "The government banned the group behind the attack — Kel Tamar, an extremist "
            "organization — and arrested 20 people.",
            "Kel Tamar",
            "organization",
            id="body noun in apposition",
        ),
        pytest.param(
            "They held talks with managers from Northwind Corporation and Fairhaven, "
            "and then flew home.",
            "Fairhaven",
            "organization",
            id="list items are one kind",
        ),
        pytest.param(
            "The contract was awarded again by the U.S. Air Force on Tuesday.",
            "U.S. Air Force",
            "organization",
            id="a country's initials are no person's",
        ),
        pytest.param(
            "A report by Yale University's Institute for Housing and Inequality questions that.",
            "Institute for Housing and Inequality",
            "organization",
            id="body owned by another",
        ),
        pytest.param(
            "As Parliament’s Standing Committee on Fisheries and Oceans has pointed out, "
            "the rules are weak.",
            "Standing Committee on Fisheries and Oceans",
            "organization",
            id="one-word body owning a committee",
        ),
    ],
)
def test_type_from_the_words_around_the_name(analyse, text, name, kind):
    assert types_of(analyse(text)).get(name) == kind


def test_portfolio_before_minister_is_part_of_the_title(analyse):
    report = analyse("Aides in the office of Communications Minister Ann Lee declined to comment.")
    assert types_of(report) == {"Ann Lee": "person"}


def test_initials_of_a_law_are_not_a_body(analyse):
    report = analyse(
        "The Clean Harbors Act passed in May. But the CHA's rules, critics said, are too weak."
    )
    assert "CHA" not in types_of(report)


def test_conference_is_an_event(analyse):
    report = analyse("Delegates at the Lisbon Conference agreed on new borders in 1885.")
    assert "Lisbon Conference" not in types_of(report)


def test_title_before_a_given_name_is_not_part_of_the_name(analyse):
    report = analyse(
        'Spokeswoman Sandy Merrow said that the plane would fly in May. "We need it," said Merrow.'
    )
    assert types_of(report).get("Sandy Merrow") == "person"
    assert "Spokeswoman Sandy Merrow" not in types_of(report)


def test_eponym_adjective_is_no_name(nlp):
    from generator.extract.actors.names import _not_an_actor

    doc = nlp("It had the Orwellian name of a tool, and Julian Marsh ran it.")
    assert _not_an_actor(doc[3:4])
    assert not _not_an_actor(doc[10:11])


def test_surname_alone_is_not_the_end_of_a_longer_name(nlp):
    from generator.extract.actors.names import _surname_alone

    text = 'Fans of "Super Kart Run" compared it with Tunnel Dash, and Ava Lind agreed. Lind won.'
    doc = nlp(text)
    temple = doc.char_span(
        text.index("Tunnel Dash"), text.index("Tunnel Dash") + len("Tunnel Dash")
    )
    lind = doc.char_span(text.index("Ava Lind"), text.index("Ava Lind") + len("Ava Lind"))
    assert not _surname_alone(temple, text)
    assert _surname_alone(lind, text)


def test_body_named_for_its_subjects_is_joined_across_and(nlp):
    from generator.extract.actors.names import _subjects_joined

    doc = nlp.make_doc("A report by the Center on Labor and Migration questions that.")
    start = [t.text for t in doc].index("Center")
    joined = _subjects_joined(doc[start : start + 3])
    assert joined is not None and joined.text == "Center on Labor and Migration"
    doc = nlp.make_doc("Funds went to the Bank of Avalon and Brightwater Corp. last year.")
    start = [t.text for t in doc].index("Bank")
    assert _subjects_joined(doc[start : start + 3]) is None


def test_leaders_administration_is_a_body_beside_the_leader(analyse):
    report = analyse(
        "Earlier, President Harlan spoke on Monday. Critics pilloried the Harlan administration "
        "for the plan."
    )
    assert types_of(report) == {"Harlan": "person", "Harlan administration": "organization"}


def test_nationality_before_a_season_is_no_body(analyse):
    report = analyse("Protests spread across the region during the Arab Spring, historians say.")
    assert "Arab Spring" not in types_of(report)


def roles_of(report):
    return {a.name: a.roles for a in report.actors}


def test_person_role_is_a_noun_for_a_person(analyse):
    report = analyse(
        "Visitors admired the cubist art of Hugo Brandt, the radical fashions of Lena Varga, "
        "and the poetry of Ines Oyelaran."
    )
    assert roles_of(report).get("Hugo Brandt") == []
    report = analyse("Daniel Okafor, co-director of the Pellman Center, said the data were clear.")
    assert "co" not in roles_of(report)["Daniel Okafor"]


def test_apposition_headed_by_another_persons_name_is_not_a_role(nlp):
    from generator.extract.actors.clusters import Cluster
    from generator.extract.actors.roles import _describes, owner_index

    doc = nlp("It was translated by Ann Corley, the philosopher Joel Marchetti said.")
    corley = Cluster(type="person", names=[doc[4:6]])
    marchetti = Cluster(type="person", names=[doc[9:11]])
    owner = owner_index([corley, marchetti])
    assert not _describes(corley, doc[8:11], owner)  # 'philosopher Joel Marchetti'
    assert _describes(marchetti, doc[8:9], owner)  # 'philosopher'
    assert not _describes(corley, doc[2:3], owner)  # 'translated' names no person


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Pellman Center", "organization"),
        ("Vostok Observatory", "place"),
        ("Ann Hale-Barrow", "person"),
    ],
)
def test_name_ending_in_an_institution_or_site_is_no_person(nlp, name, kind):
    from collections import Counter

    from generator.extract.actors.names import _decide, name_key

    doc = nlp(f"They met at {name} on Monday.")
    span = doc.char_span(len("They met at "), len("They met at ") + len(name))
    assert _decide(span, name_key(name), Counter({"person": 2}), set(), True) == kind


def test_university_and_campus_city_are_one_body(analyse):
    report = analyse(
        "Sarah Lind, now an oceanographer at the University of Avalon, Fresno, was there."
    )
    assert types_of(report) == {
        "Sarah Lind": "person",
        "University of Avalon, Fresno": "organization",
    }


def test_plural_possessive_after_a_name_with_of_splits_it(nlp):
    from generator.extract.actors.names import _splits

    doc = nlp.make_doc(
        "The Academy of Sciences’ KITE telescope and the Bond Traders' Association met."
    )
    apostrophes = [t for t in doc if t.text in ("’", "'")]
    assert [_splits(t) for t in apostrophes] == [True, False]


def test_name_and_an_acronym_are_two_names(nlp):
    from generator.extract.actors.names import _fuller_known

    doc = nlp.make_doc("Shoppers at Harbor Foods and QMV paid more.")
    parts = _fuller_known([(doc[2:6], "organization")], set())
    assert [p.text for p, _ in parts] == ["Harbor Foods", "QMV"]


def test_place_noun_before_of_or_after_the_name_is_its_role(analyse):
    report = analyse("Rebels then took the Libyan city of Tobruk, officials said.")
    assert roles_of(report)["Tobruk"] == ["Libyan city"]
    report = analyse("Hikers were rescued in the Zhaotong region of China on Monday.")
    assert roles_of(report)["Zhaotong"] == ["region"]
    report = analyse(
        "She lives in the tiny Moselle Valley village of Kesten, where her family works."
    )
    assert roles_of(report)["Moselle Valley"] == []  # the village is Kesten


def test_title_before_a_name_is_a_noun_for_a_person(nlp):
    from generator.extract.actors.roles import _person_word

    doc = nlp("The senator, a writer and co-star, liked the poetry and the glow; the Gov. agreed.")
    by_text = {t.text: t for t in doc}
    for word in ("senator", "writer", "star", "Gov."):
        assert _person_word(by_text[word]), word
    for word in ("poetry", "glow"):
        assert not _person_word(by_text[word]), word


def test_office_named_either_way_is_one_body(analyse):
    report = analyse(
        "Crews from the Department of Water Supply fixed the main. Water Supply Department "
        "officials said more breaks are likely."
    )
    bodies = [a for a in report.actors if a.type == "organization"]
    assert [a.name for a in bodies] == ["Department of Water Supply"]
    assert len(bodies[0].mentions) == 2


def test_a_name_after_a_possessive_determiner_is_no_person(analyse):
    report = analyse("Each year the bureau issues its U.S. Harvest Bulletin in October.")
    assert "Harvest Bulletin" not in names_and_types(report)


def test_a_name_headed_by_a_forum_is_no_person(analyse):
    report = analyse(
        "The valley now hosts a biennial Dornweiler Forum to teach growers. "
        'Anna Roth said the grape is difficult. "It is a diva," she said.'
    )
    found = names_and_types(report)
    assert "Dornweiler Forum" not in found
    assert "Dornweiler" not in found
    assert found.get("Anna Roth") == "person"


def test_class_nouns_type_the_names_they_introduce(analyse):
    report = analyse(
        "Growers also plant other varieties such as Velmora. Labels such as Hofkamp and "
        "Jean Varlin sell out quickly. Jean Varlin is one of the most praised labels in the "
        "valley. Kurt Saller lives in the tiny village of Brechtal, in eastern Nordmark."
    )
    found = names_and_types(report)
    assert "Velmora" not in found
    assert found.get("Jean Varlin") == "organization"
    assert found.get("Brechtal") == "place"
    assert found.get("Nordmark") == "place"


def test_a_thing_in_apposition_or_relative_clause_is_no_actor(analyse):
    report = analyse(
        "Dan Ostrow loaded up the Seamew, one of four wooden schooners still fishing. "
        "The pills contained a powder called dinoxate, known as DXN, which is a toxic chemical."
    )
    found = names_and_types(report)
    assert "Seamew" not in found
    assert "DXN" not in found
    assert found.get("Dan Ostrow") == "person"


def test_a_firm_named_after_its_founder_and_a_terminal(analyse):
    report = analyse(
        '"Prices are steady," said Tom Reddle, a director at the B.J. Holloway brokerage. '
        "The boat was moored at Fisher's Terminal in Portland."
    )
    found = names_and_types(report)
    assert found.get("B.J. Holloway") == "organization"
    assert found.get("Fisher's Terminal") == "place"


def test_a_maiden_name_after_nee_joins_the_two_names(analyse):
    report = analyse(
        "Rosa Marsh joined the laboratory in 1959 and wrote its weather code. Decades later a "
        "historian reached Rosa Lindqvist, née Marsh, by phone. Rosa and Carl's son now "
        "teaches physics."
    )
    people = [a for a in report.actors if a.type == "person"]
    rosa = [a for a in people if a.name in ("Rosa Marsh", "Rosa Lindqvist")]
    assert len(rosa) == 1
    assert {m.text for m in rosa[0].mentions} >= {"Rosa Marsh", "Rosa Lindqvist", "Rosa"}


def test_the_given_names_of_a_full_name_join_it(analyse):
    report = analyse(
        "The farm belongs to Mary Ellen Corbett, who took it over in 1990. Mary Ellen says the "
        "drought was the worst she has seen."
    )
    people = {a.name: a for a in report.actors if a.type == "person"}
    assert list(people) == ["Mary Ellen Corbett"]
    assert "Mary Ellen" in {m.text for m in people["Mary Ellen Corbett"].mentions}


def test_a_body_named_for_its_subject_is_an_organisation(analyse):
    report = analyse(
        '"The rules failed," said Ann Voss, a senior fellow at the Halvorsen Center for '
        "Soil and Water Studies at Brightwater University."
    )
    found = names_and_types(report)
    assert found.get("Halvorsen Center for Soil and Water Studies") == "organization"


def test_a_degree_after_a_name_is_no_actor(nlp):
    from generator.extract.actors.names import _not_an_actor

    doc = nlp("The team was led by Carl Brenner, Ph.D., of Brightwater University.")
    degree = next(i for i, t in enumerate(doc) if t.text == "Ph.D.")
    assert _not_an_actor(doc[degree : degree + 1])
    assert not _not_an_actor(doc[degree - 3 : degree - 1])  # 'Carl Brenner'


def test_a_name_the_article_also_writes_in_lower_case_is_a_common_noun(analyse):
    report = analyse(
        "The valley is famous for its pinot blanc. Growers call Pinot Blanc a difficult grape, "
        "and the standard French Merlot ripens later than the local merlot."
    )
    found = names_and_types(report)
    assert "Pinot Blanc" not in found
    assert "French Merlot" not in found


def test_known_as_before_the_subject_classes_the_name(analyse):
    report = analyse("Known as Varnholm, the area was once icy tundra.")
    assert names_and_types(report).get("Varnholm") == "place"


def test_a_page_or_model_code_is_no_name(analyse):
    report = analyse(
        'The letter "Is the budget wrong?" (Page C4, Jan. 12) drew replies. Acme Systems Inc '
        "Q2 loss widens."
    )
    found = names_and_types(report)
    assert "Page C4" not in found
    assert "Acme Systems Inc Q2" not in found


def test_names_inside_a_quoted_title_are_not_actors(analyse):
    report = analyse(
        'At the shop a sign promised "Last of the Summer Sweet Heron Lake Trout" beside '
        "the till. \"I'm not,\" Mr. Dorn said as he fixed the tap. \"It's 'Curtain Up at the "
        "Rialto.'\""
    )
    found = names_and_types(report)
    assert found.get("Dorn") == "person"
    assert not any("Heron Lake" in name or "Curtain" in name for name in found)


def test_coordinated_names_before_a_programme_noun_name_the_programme(analyse):
    report = analyse(
        "Ann Voss, the head of the college's Science, Design and Public Culture program, wrote in "
        "an email."
    )
    assert list(names_and_types(report)) == ["Ann Voss"]


def test_a_name_that_opens_a_work_s_title_is_no_person(analyse):
    # The tagger calls the first 'Rita Fenn' a person and 'The Rita Fenn Show' a work: with no
    # person's mark, the name is the show's.
    report = analyse(
        "Mara Lind said the shop no longer stocked Rita Fenn. She watched The Rita Fenn Show "
        "every week."
    )
    assert names_and_types(report) == {"Mara Lind": "person"}


def test_a_name_that_opens_a_work_s_title_stays_a_person_who_speaks(analyse):
    report = analyse(
        "Rita Fenn said she was tired of television. She left The Rita Fenn Show in May."
    )
    assert names_and_types(report) == {"Rita Fenn": "person"}


def test_a_name_referred_to_with_which_is_no_person(analyse):
    report = analyse(
        "Ranger Tom Beck said the blight was spreading. It now threatens the giant Koro Whetu, "
        "which may be 1,500 years old, and the trees around it."
    )
    assert names_and_types(report) == {"Tom Beck": "person"}


def test_a_name_one_is_aboard_is_a_craft(analyse):
    report = analyse(
        "The talks will resume, press secretary Tom Beck told reporters aboard Sky Arrow Two."
    )
    assert names_and_types(report) == {"Tom Beck": "person"}


def groups_of(report):
    return {a.name: [m.text for m in a.mentions] for a in report.actors if a.type == "group"}


def test_describing_adjective_leaves_the_same_group(analyse):
    report = analyse(
        "On Monday, weary harbour officials closed the docks. The harbour officials said the "
        "docks would reopen."
    )
    assert groups_of(report) == {
        "harbour officials": ["weary harbour officials", "harbour officials"]
    }


def test_classifying_adjectives_name_other_groups(analyse):
    report = analyse(
        "Danish harbour officials closed the docks. Federal harbour officials objected. "
        "Harbour officials in Dorve said nothing."
    )
    assert set(groups_of(report)) == {
        "Danish harbour officials",
        "Federal harbour officials",
        "Harbour officials",
    }


def test_group_that_does_nothing_is_no_actor(analyse):
    report = analyse(
        "The council ignored angry harbour officials and praised the dock workers' plan. "
        "The mayor met opposition from rival shipping companies."
    )
    assert groups_of(report) == {}


def test_group_acts_as_agent_or_in_a_relative_clause(analyse):
    report = analyse(
        "The plan was approved by harbour officials. The council thanked dock workers who "
        "cleared the quay."
    )
    assert set(groups_of(report)) == {"harbour officials", "dock workers"}


def test_group_that_speaks_after_according_to_stays(analyse):
    report = analyse("The docks will close for a week, according to harbour officials.")
    assert set(groups_of(report)) == {"harbour officials"}
    quote = report.quotes[0]
    assert quote.speaker is not None and quote.speaker.actor == "harbour-official"


def test_first_person_group_is_an_address(analyse):
    report = analyse(
        "Fellow citizens deserve a safer harbour. Our dock workers need new cranes. His fellow "
        "senators voted against him."
    )
    assert set(groups_of(report)) == {"fellow senators"}


def test_a_persons_name_run_into_a_product_modifier_is_the_person(analyse):
    report = analyse(
        "Tom Beck wrote the first code for the probe in 1965. Decades later, fans bought a "
        "Tom Beck Zorbo figurine."
    )
    assert names_and_types(report) == {"Tom Beck": "person"}


def _mention_texts(report, name):
    return [m.text for m in actor(report, name).mentions]


def test_he_never_links_to_a_woman_titled_ms(analyse):
    report = analyse(
        "Prosecutor Dana Whitlow dropped two charges against Daniel Hoskins on Monday. "
        "Ms. Whitlow said she would explain the decision. "
        "Critics said the deal let him keep the farm."
    )
    assert "she" in _mention_texts(report, "Dana Whitlow")
    assert "him" not in _mention_texts(report, "Dana Whitlow")


def test_possessive_in_a_phrase_on_the_nearest_man_is_his(analyse):
    report = analyse(
        "Judge Dana Whitlow threw out the suits against Daniel Hoskins, one over his unpaid rent "
        "on a barn. Ms. Whitlow said she would explain the ruling."
    )
    assert "his" not in _mention_texts(report, "Dana Whitlow")
    assert "his" in _mention_texts(report, "Daniel Hoskins")


def test_she_never_links_to_a_man_titled_mr(analyse):
    report = analyse(
        "Mr. Corrin Tapp met Selby Arkwright in Lisbon. Her plan was discussed at length. "
        "Mr. Tapp said he liked it."
    )
    assert "Her" not in _mention_texts(report, "Corrin Tapp")
    assert "he" in _mention_texts(report, "Corrin Tapp")


def test_its_after_a_nearer_body_than_the_subject_stays_unlinked(analyse):
    report = analyse(
        "The Varnish Water Board fined the Delmore Canal Authority over its late accounts."
    )
    for name in ("Varnish Water Board", "Delmore Canal Authority"):
        assert "its" not in _mention_texts(report, name)


def test_its_takes_the_body_of_its_own_sentence_over_the_last_subject(analyse):
    report = analyse(
        "The Norwind Trade Council wants closer ties with Moldova. "
        "Farmers in Moldova are angry, and its harvest is failing."
    )
    assert "its" in _mention_texts(report, "Moldova")
    assert "its" not in _mention_texts(report, "Norwind Trade Council")


def test_a_capital_the_in_mid_sentence_opens_the_place_name(analyse):
    report = analyse("The envoys met at The Kessra Islands on Monday.")
    assert actor(report, "The Kessra Islands").type == "place"


def test_a_union_the_tagger_reads_as_a_state_is_a_place(analyse):
    report = analyse("Relations worsened after the collapse of the former Ottoman Union.")
    assert actor(report, "Ottoman Union").type == "place"


def test_a_union_of_states_stays_an_organisation(analyse):
    report = analyse("Trade with the Arctic Union grew last year, officials said.")
    assert actor(report, "Arctic Union").type == "organization"


def test_a_named_speaker_is_a_person_whatever_the_tagger_says(analyse):
    # the tagger takes the name for the title of a work here
    report = analyse('"We will reopen in May," Edda Prenn tells me at the bakery.')
    assert actor(report, "Edda Prenn").type == "person"


def test_a_bare_name_only_after_in_is_a_place(analyse):
    # the tagger reads the village as a body; only ever 'in X', with no article, it is where
    report = analyse("A baker in Villers-Tarnac sold the last loaf on Friday.")
    assert actor(report, "Villers-Tarnac").type == "place"


def test_a_body_after_in_with_its_article_stays_a_body(analyse):
    report = analyse(
        "Next week the Tarrow Assembly will vote on the levy; lobbyists wait in the Tarrow Assembly hall."
    )
    assert actor(report, "Tarrow Assembly").type == "organization"


def test_groups_in_a_state_counted_by_few_or_in_a_claim_are_no_actors(analyse):
    report = analyse(
        "The survey shows that most dock workers back the mayor. Few foreign ministers "
        "ever object to the council. Some harbour officials want a new quay. "
        "Port workers blocked the channel on Monday."
    )
    assert set(groups_of(report)) == {"Port workers"}


def test_a_group_in_quoted_words_does_not_act_in_the_story(analyse):
    report = analyse(
        'The mayor spoke on Monday. "Rival shipping companies have wrecked the port," she said.'
    )
    assert groups_of(report) == {}


def test_a_name_otherwise_known_as_a_common_noun_is_no_actor(analyse):
    report = analyse(
        "Orchards in Ostland grow the Sturmling, otherwise known as Golden Russet. "
        "The golden russet keeps well in winter."
    )
    assert all(a.name != "Sturmling" for a in report.actors)


def test_a_noun_before_another_persons_name_is_that_persons_role(analyse):
    report = analyse(
        "Deputy Mayor Tomas Ruml, his wife Elena and two aides from her campaign left the "
        "hall early."
    )
    assert "his wife" not in actor(report, "Tomas Ruml").roles


def test_a_plural_noun_in_apposition_is_no_role(analyse):
    report = analyse("Farmers, traders, even the Kessra Grain Board, are angry about the tax.")
    assert actor(report, "Kessra Grain Board").roles == []


def test_a_year_before_a_title_is_no_part_of_the_role(analyse):
    report = analyse("Business boomed, and in 2011 chef Ludwig Kessel was awarded a star.")
    assert actor(report, "Ludwig Kessel").roles == ["chef"]


def test_a_name_in_apposition_to_a_noun_of_a_kind_is_no_actor(analyse):
    report = analyse(
        "Farmers in the hills keep the Vellmar, a rare breed of sheep, for its wool. "
        "Doctors worry about Omikra, a new strain of the virus, which spread fast."
    )
    assert {a.name for a in report.actors} & {"Vellmar", "Omikra"} == set()


def test_a_body_in_apposition_to_a_maker_stays_a_body(analyse):
    report = analyse("Acme Holdings, a maker of boats, said profits fell.")
    assert actor(report, "Acme Holdings").type == "organization"


def test_a_plural_title_before_joined_names_is_each_ones_title(analyse):
    report = analyse("Senators Ann Lee and Tom Ware voted against the bill on Monday.")
    assert actor(report, "Ann Lee").roles == ["Senator"]
    assert actor(report, "Tom Ware").roles == ["Senator"]
