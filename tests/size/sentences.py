"""Team-written sentences for the size tests, one list per form (not the gold set)."""

# (sentence, expected {field: value} over the whole sentence)
FORMS = {
    "killing N and wounding M": [
        ("Rebels raided a border post on Friday, killing 9 guards and wounding 4.",
         {"dead": 9, "injured": 4}),
        ("Jets bombed a fuel depot, killing six workers and injuring eleven others.",
         {"dead": 6, "injured": 11}),
        ("Gunmen fired on a minibus near Jalalabad, killing 3 passengers.", {"dead": 3}),
    ],
    "N were killed": [
        ("Seven miners were killed in the attack on the convoy.", {"dead": 7}),
        ("At least 16 villagers were killed and 20 wounded overnight.",
         {"dead": 16, "injured": 20}),
        ("More than 2,400 people have been killed since the war resumed.", {"dead": 2400}),
    ],
    "death toll of N": [
        ("The bombing had a death toll of 52, the governor said.", {"dead": 52}),
        ("The death toll from the raid rose to 18 on Tuesday.", {"dead": 18}),
        ("Medics put the death toll at 64.", {"dead": 64}),
    ],
    "N bodies": [
        ("Searchers recovered 21 bodies after the shelling of the village.", {"dead": 21}),
        ("Eleven bodies were found in a ditch outside the town.", {"dead": 11}),
        ("Scores of bodies were brought to the morgue.", {"dead": 40}),
    ],
    "N people died": [
        ("Nine people died in the stampede at the rally.", {"dead": 9}),
        ("About 70 detainees died in custody last year, a report said.", {"dead": 70}),
        ("Two children died when the shell hit the school.", {"dead": 2}),
    ],
    "detained N": [
        ("Police detained 33 students at the university gates.", {"arrested": 33}),
        ("Troops arrested nineteen men in the market.", {"arrested": 19}),
        ("Officers apprehended 5 suspects at the border.", {"arrested": 5}),
    ],
    "N arrests": [
        ("Police made 41 arrests at the stadium.", {"arrested": 41}),
        ("The ministry reported 3,120 arrests since January.", {"arrested": 3120}),
        ("There were 8 arrests after the march.", {"arrested": 8}),
    ],
    "vague amounts": [
        ("Police detained dozens of activists in the capital.", {"arrested": 24}),
        ("Hundreds of people were injured in the riots.", {"injured": 200}),
        ("Tens of thousands have been killed in the conflict.", {"dead": 20000}),
    ],
    "states": [
        ("The 14 officers killed in the ambush were buried on Friday.", {"dead": 14}),
        ("Nurses treated 90 injured protesters.", {"injured": 90}),
        ("The blast left 6 people dead and 15 wounded.", {"dead": 6, "injured": 15}),
    ],
}

# Sentences with numbers that count no casualties.
NO_COUNTS = [
    "The army sent 8,000 troops to the province.",
    "A 23-year-old student was killed by a stray bullet.",
    "The rebels were defeated in 2017 after a long siege.",
    "Parliament approved 40 million dollars for the victims.",
    "The detained journalist, 54, was released on Monday.",
    "Inflation hit 24 percent, and 3 banks failed.",
    "A soldier was killed on 4 April near the village.",
    "The militia freed 17 hostages after talks.",
]
