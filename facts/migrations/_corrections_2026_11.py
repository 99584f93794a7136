"""The catalogue corrections of November 2026 (fact-check of all 39 facts), as data for migration 0007:
for each fact, its fields and sources as first seeded and as corrected, and the note readers are shown."""

# fmt: off
FACTS = {'artistic-expression': {'new': {'body': 'What makes the case is on screen: a camera that behaves like a '
                                         'character, black-and-white images built on light and movement, and a '
                                         'heroine allowed to be wrong.',
                                 'claim': 'A work of art and a testament to the power of cinema.',
                                 'status': 'opinion',
                                 'status_note': 'An opinion, not a checkable claim.',
                                 'summary': 'The article calls the film a work of art. The club agrees, but that '
                                            'is a judgment, not a fact to verify.',
                                 'title': 'Artistic Expression'},
                         'new_sources': [],
                         'note': "A judgment no source can settle: now marked opinion under the club's status "
                                 'rubric.',
                         'old': {'body': 'What makes the case is on screen: a camera that behaves like a '
                                         'character, black-and-white images built on light and movement, and a '
                                         'heroine allowed to be wrong.',
                                 'claim': 'A work of art and a testament to the power of cinema.',
                                 'status': 'unverified',
                                 'status_note': 'A judgment, not a checkable claim.',
                                 'summary': 'The article calls the film a work of art. The club agrees, but that '
                                            'is a judgment, not a fact to verify.',
                                 'title': 'Artistic Expression'},
                         'old_sources': []},
 'based-on-a-play': {'new': {'body': 'Rozov wrote the play during the war, first as The Serebriisky Family. The '
                                     'censor banned it; it was first staged in Kostroma, and a reworked version '
                                     "opened Moscow's new Sovremennik theatre in 1956 under Oleg Efremov.\n"
                                     '\n'
                                     "Rozov then wrote the screenplay himself. The film's working title was For "
                                     'Your Life (За твою жизнь); it reached cinemas as Letyat zhuravli, "the '
                                     'cranes are flying". In English the play is also called Life Eternal or Alive '
                                     'Forever.',
                             'claim': 'Based on "the play of the same name" by Viktor Rozov.',
                             'status': 'refuted',
                             'status_note': "The play is Rozov's, but it is called Vechno zhivye (Forever Alive), "
                                            "not The Cranes Are Flying. The article's title claim is wrong.",
                             'summary': "The screenplay is Viktor Rozov's own adaptation of his play Forever Alive "
                                        "(Vechno zhivye, 1943). The play does not share the film's title.",
                             'title': 'Based on a Play'},
                     'new_sources': [{'date': None,
                                      'publisher': 'Berlin International Film Festival',
                                      'quote': "based on his play 'Večno živye' (Forever Alive, 1943)",
                                      'title': 'Letyat zhuravli (The Cranes Are Flying), Berlinale Classics 2018',
                                      'url': 'https://www.berlinale.de/en/2018/programme/201802248.html'},
                                     {'date': None,
                                      'publisher': 'Wikipedia (English)',
                                      'quote': None,
                                      'title': 'The Cranes Are Flying',
                                      'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}],
                     'note': "The play is called Forever Alive, not The Cranes Are Flying, so the article's claim "
                             'is wrong: refuted, not disputed.',
                     'old': {'body': 'Rozov wrote the play during the war, first as The Serebriisky Family. The '
                                     'censor banned it; it was first staged in Kostroma, and a reworked version '
                                     "opened Moscow's new Sovremennik theatre in 1956 under Oleg Efremov.\n"
                                     '\n'
                                     "Rozov then wrote the screenplay himself. The film's working title was For "
                                     'Your Life (За твою жизнь); it reached cinemas as Letyat zhuravli, "the '
                                     'cranes are flying". In English the play is also called Life Eternal or Alive '
                                     'Forever.',
                             'claim': 'Based on "the play of the same name" by Viktor Rozov.',
                             'status': 'disputed',
                             'status_note': "The play is Rozov's, but it is called Vechno zhivye (Forever Alive), "
                                            "not The Cranes Are Flying. The article's title claim is wrong.",
                             'summary': "The screenplay is Viktor Rozov's own adaptation of his play Forever Alive "
                                        "(Vechno zhivye, 1943). The play does not share the film's title.",
                             'title': 'Based on a Play'},
                     'old_sources': [{'date': None,
                                      'publisher': 'Berlin International Film Festival',
                                      'quote': "based on his play 'Večno živye' (Forever Alive, 1943)",
                                      'title': 'Letyat zhuravli (The Cranes Are Flying), Berlinale Classics 2018',
                                      'url': 'https://www.berlinale.de/en/2018/programme/201802248.html'},
                                     {'date': None,
                                      'publisher': 'Wikipedia (English)',
                                      'quote': None,
                                      'title': 'The Cranes Are Flying',
                                      'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}]},
 'box-office-success': {'new': {'body': 'The film drew roughly 28.3 million admissions in the USSR, which put it '
                                        'tenth among the year\'s releases. The Times put it simply: it was "seen '
                                        'by 28 million".\n'
                                        '\n'
                                        "Some Russian writers call it the leader of its year's box office; the "
                                        'figures do not bear that out.',
                                'claim': 'Performed exceptionally well at the box office; a commercial hit.',
                                'status': 'verified',
                                'status_note': '28.3 million admissions is well documented. Any claim that it was '
                                               'the top film of its year in the USSR is unsupported; it placed '
                                               'tenth.',
                                'summary': 'About 28.3 million tickets were sold in the Soviet Union, tenth place '
                                           'for 1957, and millions more abroad.',
                                'title': 'Box Office Success'},
                        'new_sources': [{'date': None,
                                         'publisher': 'Wikipedia (English)',
                                         'quote': None,
                                         'title': 'The Cranes Are Flying',
                                         'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'},
                                        {'date': None,
                                         'publisher': 'The Times',
                                         'quote': 'seen by 28 million in the Soviet Union',
                                         'title': 'Tatiana Samoilova (obituary)',
                                         'url': 'https://www.thetimes.co.uk/article/tatiana-samoilova-8fxt8zvbtld'},
                                        {'date': None,
                                         'publisher': 'old.krasnoturinsk.info',
                                         'quote': None,
                                         'title': 'On the making of The Cranes Are Flying (circular rails, 18 mm '
                                                  'lens, admissions)',
                                         'url': None}],
                        'note': "Added the address of The Times's obituary of Samoilova.",
                        'old': {'body': 'The film drew roughly 28.3 million admissions in the USSR, which put it '
                                        'tenth among the year\'s releases. The Times put it simply: it was "seen '
                                        'by 28 million".\n'
                                        '\n'
                                        "Some Russian writers call it the leader of its year's box office; the "
                                        'figures do not bear that out.',
                                'claim': 'Performed exceptionally well at the box office; a commercial hit.',
                                'status': 'verified',
                                'status_note': '28.3 million admissions is well documented. Any claim that it was '
                                               'the top film of its year in the USSR is unsupported; it placed '
                                               'tenth.',
                                'summary': 'About 28.3 million tickets were sold in the Soviet Union, tenth place '
                                           'for 1957, and millions more abroad.',
                                'title': 'Box Office Success'},
                        'old_sources': [{'date': None,
                                         'publisher': 'Wikipedia (English)',
                                         'quote': None,
                                         'title': 'The Cranes Are Flying',
                                         'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'},
                                        {'date': None,
                                         'publisher': 'The Times',
                                         'quote': 'seen by 28 million',
                                         'title': 'Obituary of Tatiana Samoilova',
                                         'url': None},
                                        {'date': None,
                                         'publisher': 'old.krasnoturinsk.info',
                                         'quote': None,
                                         'title': 'On the making of The Cranes Are Flying (circular rails, 18 mm '
                                                  'lens, admissions)',
                                         'url': None}]},
 'cinematic-masterpiece': {'new': {'body': 'Kalatozov (1903–1973), born in Tbilisi, co-directed the film Their '
                                           'Kingdom (1928) before making the documentary Salt for Svanetia (1930). '
                                           'He first worked with Urusevsky on The First Echelon (Pervyy eshelon, '
                                           "1955). After the Palme d'Or the two made Letter Never Sent (1959) and "
                                           'I Am Cuba (1964), pushing their moving camera further still.',
                                   'claim': 'Considered a cinematic masterpiece for its direction and '
                                            'performances.',
                                   'status': 'opinion',
                                   'status_note': '"Masterpiece" is an opinion no source can settle. The '
                                                  "director's career is on record: an earlier version of this fact "
                                                  'wrongly said the film began his partnership with Urusevsky and '
                                                  'that his career began with Salt for Svanetia.',
                                   'summary': "The film was the high point of Mikhail Kalatozov's career and of "
                                              'his partnership with the cinematographer Sergei Urusevsky, which '
                                              'had begun with The First Echelon in 1955.',
                                   'title': 'Cinematic Masterpiece'},
                           'new_sources': [{'date': None,
                                            'publisher': 'Wikipedia (English)',
                                            'quote': None,
                                            'title': 'Mikhail Kalatozov (filmography)',
                                            'url': 'https://en.wikipedia.org/wiki/Mikhail_Kalatozov'},
                                           {'date': None,
                                            'publisher': 'Wikipedia (English)',
                                            'quote': None,
                                            'title': 'The First Echelon (Pervyy eshelon, 1955)',
                                            'url': 'https://en.wikipedia.org/wiki/The_First_Echelon'},
                                           {'date': None,
                                            'publisher': 'Wikipedia (English)',
                                            'quote': None,
                                            'title': 'The Cranes Are Flying',
                                            'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}],
                           'note': 'Corrected: Kalatozov and Urusevsky first worked together on The First Echelon '
                                   '(1955), not on this film, and Kalatozov co-directed Their Kingdom (1928) '
                                   'before Salt for Svanetia. “Masterpiece” is a judgment no source can settle, so '
                                   'the fact is now marked opinion.',
                           'old': {'body': 'Kalatozov (1903–1973), born in Tbilisi, had begun with the documentary '
                                           "Salt for Svanetia in 1930. After the Palme d'Or he and Urusevsky made "
                                           'Letter Never Sent (1959) and I Am Cuba (1964), pushing their moving '
                                           'camera further still.',
                                   'claim': 'Considered a cinematic masterpiece for its direction and '
                                            'performances.',
                                   'status': 'verified',
                                   'status_note': 'The word "masterpiece" is judgment; the director\'s career is '
                                                  'on record.',
                                   'summary': "The film was the high point of Mikhail Kalatozov's career, and the "
                                              'start of a partnership with Urusevsky that went on to Letter Never '
                                              'Sent and I Am Cuba.',
                                   'title': 'Cinematic Masterpiece'},
                           'old_sources': [{'date': None,
                                            'publisher': 'Wikipedia (English)',
                                            'quote': None,
                                            'title': 'The Cranes Are Flying',
                                            'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}]},
 'critically-reassessed': {'new': {'body': 'Berlinale Classics presented the restored film in 2018, crediting the '
                                           "screenplay to Rozov's play Forever Alive and the music to Moissei "
                                           "Vainberg (Mieczysław Weinberg). Essays such as Wexler's for the "
                                           'Criterion Collection keep its craft in view.\n'
                                           '\n'
                                           'A restoration and a premiere show that the film is valued, not that '
                                           'its reputation changed. The club would need a study of its critical '
                                           'reception to call it reassessed.',
                                   'claim': 'Reassessed in recent years by critics and scholars.',
                                   'status': 'unverified',
                                   'status_note': 'The restoration and its premiere are on record, but they show '
                                                  "no reassessment; no source on the film's changing reputation "
                                                  'yet.',
                                   'summary': 'The 2018 restoration brought the film back to a festival audience; '
                                              'whether critics have reassessed it, rather than confirmed an old '
                                              'verdict, no source the club has found shows.',
                                   'title': 'Critically Reassessed'},
                           'new_sources': [{'date': None,
                                            'publisher': 'Berlin International Film Festival',
                                            'quote': "based on his play 'Večno živye' (Forever Alive, 1943)",
                                            'title': 'Letyat zhuravli (The Cranes Are Flying), Berlinale Classics '
                                                     '2018',
                                            'url': 'https://www.berlinale.de/en/2018/programme/201802248.html'},
                                           {'date': None,
                                            'publisher': 'The Criterion Collection (essay by Haskell Wexler)',
                                            'quote': None,
                                            'title': 'One Scene: The Cranes Are Flying',
                                            'url': 'https://www.criterion.com/current/posts/1962-one-scene-the-cranes-are-flying'}],
                           'note': 'A restoration and its premiere show the film is valued, not that critics '
                                   'reassessed it: unverified until a source on its reception is found.',
                           'old': {'body': 'Berlinale Classics presented the restored film in 2018, crediting the '
                                           "screenplay to Rozov's play Forever Alive and the music to Moissei "
                                           "Vainberg (Mieczysław Weinberg). Essays such as Wexler's for the "
                                           'Criterion Collection keep its craft in view.',
                                   'claim': 'Reassessed in recent years by critics and scholars.',
                                   'status': 'verified',
                                   'status_note': 'The restoration and its presentation are on record.',
                                   'summary': 'The 2018 restoration brought the film back to a festival audience '
                                              'and to a new round of criticism.',
                                   'title': 'Critically Reassessed'},
                           'old_sources': [{'date': None,
                                            'publisher': 'Berlin International Film Festival',
                                            'quote': "based on his play 'Večno živye' (Forever Alive, 1943)",
                                            'title': 'Letyat zhuravli (The Cranes Are Flying), Berlinale Classics '
                                                     '2018',
                                            'url': 'https://www.berlinale.de/en/2018/programme/201802248.html'},
                                           {'date': None,
                                            'publisher': 'The Criterion Collection (essay by Haskell Wexler)',
                                            'quote': None,
                                            'title': 'One Scene: The Cranes Are Flying',
                                            'url': 'https://www.criterion.com/current/posts/1962-one-scene-the-cranes-are-flying'}]},
 'deeply-moving-narrative': {'new': {'body': 'The film moves in large steps: Moscow before and during the first '
                                             'raids, the front, the evacuation to Siberia, and the victory. Each '
                                             'step is told through a few long scenes rather than many short ones, '
                                             'which gives it its unhurried force.',
                                     'claim': 'A narrative that elicits strong emotional responses.',
                                     'status': 'opinion',
                                     'status_note': "The emotional response is the viewer's own, so the claim is "
                                                    'an opinion; the structure is as described in reference works.',
                                     'summary': 'The story covers four years, from the first days of the war in '
                                                "1941 to the soldiers' return in 1945, in about an hour and a "
                                                'half.',
                                     'title': 'Deeply Moving Narrative'},
                             'new_sources': [{'date': None,
                                              'publisher': 'Wikipedia (English)',
                                              'quote': None,
                                              'title': 'The Cranes Are Flying',
                                              'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}],
                             'note': "A judgment no source can settle: now marked opinion under the club's status "
                                     'rubric.',
                             'old': {'body': 'The film moves in large steps: Moscow before and during the first '
                                             'raids, the front, the evacuation to Siberia, and the victory. Each '
                                             'step is told through a few long scenes rather than many short ones, '
                                             'which gives it its unhurried force.',
                                     'claim': 'A narrative that elicits strong emotional responses.',
                                     'status': 'verified',
                                     'status_note': 'The structure is as described in reference works; the '
                                                    "emotional response is the viewer's own.",
                                     'summary': 'The story covers four years, from the first days of the war in '
                                                "1941 to the soldiers' return in 1945, in about an hour and a "
                                                'half.',
                                     'title': 'Deeply Moving Narrative'},
                             'old_sources': [{'date': None,
                                              'publisher': 'Wikipedia (English)',
                                              'quote': None,
                                              'title': 'The Cranes Are Flying',
                                              'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}]},
 'emotional-impact': {'new': {'body': 'What can be said is that the film withholds comfort: it does not cut away '
                                      'from grief, and it gives Veronika no easy redemption.\n'
                                      '\n'
                                      'Come to a screening and judge for yourself; the discussion under each fact '
                                      'is open to members.',
                              'claim': 'Known for its emotional impact on viewers.',
                              'status': 'opinion',
                              'status_note': 'An opinion, not a checkable claim.',
                              'summary': 'The article says the film moves its viewers. That is a judgment each '
                                         "viewer makes, and the club's screenings are the place to test it.",
                              'title': 'Emotional Impact'},
                      'new_sources': [],
                      'note': "A judgment no source can settle: now marked opinion under the club's status rubric.",
                      'old': {'body': 'What can be said is that the film withholds comfort: it does not cut away '
                                      'from grief, and it gives Veronika no easy redemption.\n'
                                      '\n'
                                      'Come to a screening and judge for yourself; the discussion under each fact '
                                      'is open to members.',
                              'claim': 'Known for its emotional impact on viewers.',
                              'status': 'unverified',
                              'status_note': 'A judgment, not a checkable claim.',
                              'summary': 'The article says the film moves its viewers. That is a judgment each '
                                         "viewer makes, and the club's screenings are the place to test it.",
                              'title': 'Emotional Impact'},
                      'old_sources': []},
 'emotional-resonance': {'new': {'body': 'The film asks a lot of its audience: sympathy for a heroine who does '
                                         'something the society around her condemns. Whether it earns that '
                                         'sympathy is the question most club discussions come back to.',
                                 'claim': 'Strikes a chord through its emotional resonance.',
                                 'status': 'opinion',
                                 'status_note': 'An opinion, not a checkable claim.',
                                 'summary': 'The article says the film evokes empathy. The club takes that as an '
                                            'invitation to watch and discuss rather than a fact to check.',
                                 'title': 'Emotional Resonance'},
                         'new_sources': [],
                         'note': "A judgment no source can settle: now marked opinion under the club's status "
                                 'rubric.',
                         'old': {'body': 'The film asks a lot of its audience: sympathy for a heroine who does '
                                         'something the society around her condemns. Whether it earns that '
                                         'sympathy is the question most club discussions come back to.',
                                 'claim': 'Strikes a chord through its emotional resonance.',
                                 'status': 'unverified',
                                 'status_note': 'A judgment, not a checkable claim.',
                                 'summary': 'The article says the film evokes empathy. The club takes that as an '
                                            'invitation to watch and discuss rather than a fact to check.',
                                 'title': 'Emotional Resonance'},
                         'old_sources': []},
 'emotional-rollercoaster': {'new': {'body': 'The film opens on a Moscow dawn in June 1941: Veronika and Boris, in '
                                             'love and about to marry, watch cranes fly over the river. Days later '
                                             'Boris volunteers for the front without telling her.\n'
                                             '\n'
                                             "Her parents die in an air raid. She moves in with Boris's family, "
                                             'marries his cousin Mark after he forces himself on her during a '
                                             'raid, and is evacuated to Siberia, where she waits for news of Boris '
                                             'that never comes.',
                                     'claim': 'An emotional rollercoaster about love, loss and sacrifice.',
                                     'status': 'opinion',
                                     'status_note': 'An opinion, not a checkable fact; the events described here '
                                                    "follow the film's plot as summarised in reference works.",
                                     'summary': 'Within its first half hour Veronika loses her fiancé to the front '
                                                'and her parents to a bombing raid, and the story only grows '
                                                'harder from there.',
                                     'title': 'Emotional Rollercoaster'},
                             'new_sources': [{'date': None,
                                              'publisher': 'Wikipedia (English)',
                                              'quote': None,
                                              'title': 'The Cranes Are Flying',
                                              'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}],
                             'note': "A judgment no source can settle: now marked opinion under the club's status "
                                     'rubric.',
                             'old': {'body': 'The film opens on a Moscow dawn in June 1941: Veronika and Boris, in '
                                             'love and about to marry, watch cranes fly over the river. Days later '
                                             'Boris volunteers for the front without telling her.\n'
                                             '\n'
                                             "Her parents die in an air raid. She moves in with Boris's family, "
                                             'marries his cousin Mark after he forces himself on her during a '
                                             'raid, and is evacuated to Siberia, where she waits for news of Boris '
                                             'that never comes.',
                                     'claim': 'An emotional rollercoaster about love, loss and sacrifice.',
                                     'status': 'verified',
                                     'status_note': "The article's phrase is praise; the events described here "
                                                    "follow the film's plot as summarised in reference works.",
                                     'summary': 'Within its first half hour Veronika loses her fiancé to the front '
                                                'and her parents to a bombing raid, and the story only grows '
                                                'harder from there.',
                                     'title': 'Emotional Rollercoaster'},
                             'old_sources': [{'date': None,
                                              'publisher': 'Wikipedia (English)',
                                              'quote': None,
                                              'title': 'The Cranes Are Flying',
                                              'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}]},
 'enduring-legacy': {'new': {'body': 'Over sixty years after Cannes, the film keeps returning to festival screens '
                                     'and home-video shelves. Its restoration was chosen for Berlinale Classics in '
                                     '2018.',
                             'claim': 'One of the greatest Russian films ever made, still inspiring film-makers.',
                             'status': 'opinion',
                             'status_note': '"One of the greatest" is an opinion no source can settle; the Palme '
                                            "d'Or and the restoration are on record.",
                             'summary': "Still the only Soviet or Russian Palme d'Or, the film was restored in 2K "
                                        'and returned to the Berlinale in 2018.',
                             'title': 'Enduring Legacy'},
                     'new_sources': [{'date': '1958-05-18',
                                      'publisher': 'INA, Fresques du Festival de Cannes',
                                      'quote': "… palme d'or … à Quand passent les cigognes, URSS",
                                      'title': 'Palmarès du Festival 1958 (recording and transcript)',
                                      'url': 'https://fresques.ina.fr/festival-de-cannes-fr/fiche-media/Cannes00049/palmares-du-festival-1958.html'},
                                     {'date': None,
                                      'publisher': 'Berlin International Film Festival',
                                      'quote': "based on his play 'Večno živye' (Forever Alive, 1943)",
                                      'title': 'Letyat zhuravli (The Cranes Are Flying), Berlinale Classics 2018',
                                      'url': 'https://www.berlinale.de/en/2018/programme/201802248.html'}],
                     'note': "A judgment no source can settle: now marked opinion under the club's status rubric.",
                     'old': {'body': 'Over sixty years after Cannes, the film keeps returning to festival screens '
                                     'and home-video shelves. Its restoration was chosen for Berlinale Classics in '
                                     '2018.',
                             'claim': 'One of the greatest Russian films ever made, still inspiring film-makers.',
                             'status': 'verified',
                             'status_note': 'The Palme d\'Or and the restoration are on record; "greatest" is '
                                            'judgment.',
                             'summary': "Still the only Soviet or Russian Palme d'Or, the film was restored in 2K "
                                        'and returned to the Berlinale in 2018.',
                             'title': 'Enduring Legacy'},
                     'old_sources': [{'date': '1958-05-18',
                                      'publisher': 'INA, Fresques du Festival de Cannes',
                                      'quote': "… palme d'or … à Quand passent les cigognes, URSS",
                                      'title': 'Palmarès du Festival 1958 (recording and transcript)',
                                      'url': 'https://fresques.ina.fr/festival-de-cannes-fr/fiche-media/Cannes00049/palmares-du-festival-1958.html'},
                                     {'date': None,
                                      'publisher': 'Berlin International Film Festival',
                                      'quote': "based on his play 'Večno živye' (Forever Alive, 1943)",
                                      'title': 'Letyat zhuravli (The Cranes Are Flying), Berlinale Classics 2018',
                                      'url': 'https://www.berlinale.de/en/2018/programme/201802248.html'}]},
 'influence-on-filmmakers': {'new': {'body': "Haskell Wexler's essay shows how one cinematographer studied its "
                                             'shots. Kalatozov and Urusevsky pushed its methods further themselves '
                                             'in I Am Cuba.\n'
                                             '\n'
                                             'A story linking the French director Claude Lelouch to the film '
                                             'circulates in Russian writing, where even those who tell it call it '
                                             'a legend. The club has found no first-hand source for it.',
                                     'claim': 'A profound influence on generations of directors in Russia and '
                                              'abroad.',
                                     'status': 'disputed',
                                     'status_note': 'Influence is real but hard to measure; the Lelouch story is '
                                                    "legend by its tellers' own account, and the site that was "
                                                    'cited for it can no longer be found.',
                                     'summary': 'Cinematographers abroad admired the film, but the best-known '
                                                'story of its influence, involving the young Claude Lelouch, is '
                                                'called a legend even by those who tell it.',
                                     'title': 'Influence on Filmmakers'},
                             'new_sources': [{'date': None,
                                              'publisher': 'The Criterion Collection (essay by Haskell Wexler)',
                                              'quote': None,
                                              'title': 'One Scene: The Cranes Are Flying',
                                              'url': 'https://www.criterion.com/current/posts/1962-one-scene-the-cranes-are-flying'}],
                             'note': 'Removed a cited site that can no longer be found.',
                             'old': {'body': "Haskell Wexler's essay shows how one cinematographer studied its "
                                             'shots. Kalatozov and Urusevsky pushed its methods further themselves '
                                             'in I Am Cuba.\n'
                                             '\n'
                                             'A story linking the French director Claude Lelouch to the film '
                                             'circulates in Russian writing; one source that repeats it calls it '
                                             '"a pretty legend".',
                                     'claim': 'A profound influence on generations of directors in Russia and '
                                              'abroad.',
                                     'status': 'disputed',
                                     'status_note': 'Influence is real but hard to measure; the Lelouch story is '
                                                    "legend by its tellers' own account.",
                                     'summary': 'Cinematographers abroad admired the film, but the best-known '
                                                'story of its influence, involving the young Claude Lelouch, is '
                                                'called a legend even by those who tell it.',
                                     'title': 'Influence on Filmmakers'},
                             'old_sources': [{'date': None,
                                              'publisher': 'The Criterion Collection (essay by Haskell Wexler)',
                                              'quote': None,
                                              'title': 'One Scene: The Cranes Are Flying',
                                              'url': 'https://www.criterion.com/current/posts/1962-one-scene-the-cranes-are-flying'},
                                             {'date': None,
                                              'publisher': 'kraft-media.ru',
                                              'quote': 'красивая легенда (a pretty legend)',
                                              'title': 'Stories about the film and Claude Lelouch',
                                              'url': None}]},
 'influential-filmmaking-techniques': {'new': {'body': 'Urusevsky carried the camera through spaces and crowds and '
                                                       'built rigs for the shots he wanted, most famously the '
                                                       'circular track for the death of Boris.\n'
                                                       '\n'
                                                       "Soviet silent film, Kalatozov's own Salt for Svanetia "
                                                       'among it, had already used a moving, expressive camera; '
                                                       'what was new in 1957 was taking it so far after two '
                                                       'decades of static, staged pictures. The techniques he and '
                                                       'Urusevsky developed here led straight to the even bolder '
                                                       'camerawork of I Am Cuba (1964).',
                                               'claim': 'Introduced influential filmmaking techniques and camera '
                                                        'movement.',
                                               'status': 'disputed',
                                               'status_note': 'The techniques and their influence are described in '
                                                              'the sources cited; "introduced" overstates it, '
                                                              'since Soviet silent film already used a mobile, '
                                                              'expressive camera.',
                                               'summary': 'Hand-held shots, a camera on circular rails and long '
                                                          'takes that move between floors and crowds. A mobile, '
                                                          'expressive camera was not new to Soviet cinema, but few '
                                                          'films of the 1950s went so far.',
                                               'title': 'Influential Filmmaking Techniques'},
                                       'new_sources': [{'date': None,
                                                        'publisher': 'The Criterion Collection (essay by Haskell '
                                                                     'Wexler)',
                                                        'quote': None,
                                                        'title': 'One Scene: The Cranes Are Flying',
                                                        'url': 'https://www.criterion.com/current/posts/1962-one-scene-the-cranes-are-flying'},
                                                       {'date': '2015-11-18',
                                                        'publisher': 'greg-neville.com',
                                                        'quote': 'nervous, dynamic (often hand-held) camera',
                                                        'title': 'The Cranes Are Flying (quoting Josephine Woll, '
                                                                 'KINOfiles, 2003)',
                                                        'url': 'https://greg-neville.com/2015/11/18/the-cranes-are-flying'},
                                                       {'date': None,
                                                        'publisher': 'old.krasnoturinsk.info',
                                                        'quote': None,
                                                        'title': 'On the making of The Cranes Are Flying (circular '
                                                                 'rails, 18 mm lens, admissions)',
                                                        'url': None}],
                                       'note': '“New to Soviet cinema in 1957” overstated it: Soviet silent film, '
                                               "Kalatozov's own included, already used a mobile, expressive "
                                               'camera.',
                                       'old': {'body': 'Urusevsky carried the camera through spaces and crowds and '
                                                       'built rigs for the shots he wanted, most famously the '
                                                       'circular track for the death of Boris.\n'
                                                       '\n'
                                                       'The techniques he and Kalatozov developed here led '
                                                       'straight to the even bolder camerawork of I Am Cuba '
                                                       '(1964).',
                                               'claim': 'Introduced influential filmmaking techniques and camera '
                                                        'movement.',
                                               'status': 'verified',
                                               'status_note': 'The techniques are described in the sources cited.',
                                               'summary': 'Hand-held shots, a camera on circular rails and long '
                                                          'takes that move between floors and crowds were new to '
                                                          'Soviet cinema in 1957.',
                                               'title': 'Influential Filmmaking Techniques'},
                                       'old_sources': [{'date': None,
                                                        'publisher': 'The Criterion Collection (essay by Haskell '
                                                                     'Wexler)',
                                                        'quote': None,
                                                        'title': 'One Scene: The Cranes Are Flying',
                                                        'url': 'https://www.criterion.com/current/posts/1962-one-scene-the-cranes-are-flying'},
                                                       {'date': '2015-11-18',
                                                        'publisher': 'greg-neville.com',
                                                        'quote': 'nervous, dynamic (often hand-held) camera',
                                                        'title': 'The Cranes Are Flying (quoting Josephine Woll, '
                                                                 'KINOfiles, 2003)',
                                                        'url': 'https://greg-neville.com/2015/11/18/the-cranes-are-flying'},
                                                       {'date': None,
                                                        'publisher': 'old.krasnoturinsk.info',
                                                        'quote': None,
                                                        'title': 'On the making of The Cranes Are Flying (circular '
                                                                 'rails, 18 mm lens, admissions)',
                                                        'url': None}]},
 'international-recognition': {'new': {'body': 'France knew it as Quand passent les cigognes and West Germany as '
                                               "Wenn die Kraniche ziehen. At the British Academy's awards of 1959 "
                                               'it was nominated for Best Film from any Source, and Tatiana '
                                               'Samoilova for Best Foreign Actress; neither won.\n'
                                               '\n'
                                               "Samoilova's own honours came later: in 2009, on her 75th birthday, "
                                               'the Russian president awarded her the Order of Honour for her '
                                               "contribution to the country's cinema.",
                                       'claim': 'Widely screened at festivals and recognised internationally.',
                                       'status': 'verified',
                                       'status_note': 'The release titles are well documented; both BAFTA '
                                                      "nominations are in BAFTA's own awards database; the Order "
                                                      'of Honour was reported by RIA Novosti.',
                                       'summary': 'The film was shown across Europe under many titles, and was '
                                                  'nominated for two British Academy awards in 1959.',
                                       'title': 'International Recognition'},
                               'new_sources': [{'date': None,
                                                'publisher': 'British Academy of Film and Television Arts',
                                                'quote': None,
                                                'title': 'BAFTA Awards database: Film, 1959 (Best Film from any '
                                                         'Source; Best Foreign Actress)',
                                                'url': 'https://awards.bafta.org/'},
                                               {'date': None,
                                                'publisher': 'Wikipedia (English)',
                                                'quote': None,
                                                'title': '12th British Academy Film Awards (nominations)',
                                                'url': 'https://en.wikipedia.org/wiki/12th_British_Academy_Film_Awards'},
                                               {'date': None,
                                                'publisher': 'Wikipedia (English)',
                                                'quote': None,
                                                'title': 'The Cranes Are Flying',
                                                'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'},
                                               {'date': '2009-05-04',
                                                'publisher': 'RIA Novosti',
                                                'quote': 'наградил орденом Почета … Татьяну Самойлову',
                                                'title': 'Medvedev awards Tatiana Samoilova the Order of Honour',
                                                'url': 'https://ria.ru/20090504/169900286.html'}],
                               'note': "The two BAFTA nominations of 1959 are now cited from BAFTA's own awards "
                                       "database, not secondary sources; added Samoilova's Order of Honour (2009).",
                               'old': {'body': 'France knew it as Quand passent les cigognes and West Germany as '
                                               'Wenn die Kraniche ziehen. After Cannes it was nominated for two '
                                               'British Academy awards in 1959: Best Film, and Best Foreign '
                                               'Actress for Samoilova.',
                                       'claim': 'Widely screened at festivals and recognised internationally.',
                                       'status': 'verified',
                                       'status_note': 'The release titles are well documented; the BAFTA '
                                                      'nominations come from secondary sources only.',
                                       'summary': 'The film was shown across Europe under many titles, and two '
                                                  'BAFTA nominations followed in 1959.',
                                       'title': 'International Recognition'},
                               'old_sources': [{'date': None,
                                                'publisher': 'Wikipedia (English)',
                                                'quote': None,
                                                'title': 'The Cranes Are Flying',
                                                'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'},
                                               {'date': None,
                                                'publisher': 'thespinningimage.co.uk',
                                                'quote': None,
                                                'title': 'DVD release notes (BAFTA nominations)',
                                                'url': None}]},
 'moving-score': {'new': {'body': 'Mieczysław Weinberg, a friend of Dmitri Shostakovich, earned much of his living '
                                  'from film music. For The Cranes Are Flying his score stays in the background '
                                  'until it is needed, and leaves many of the key scenes to natural sound.',
                          'claim': 'A moving score "composed by Moisey Weinberg".',
                          'status': 'verified',
                          'status_note': 'Composer confirmed by the credits; the standard spelling is Mieczysław '
                                         'Weinberg.',
                          'summary': 'Weinberg wrote more than seventy film scores; this is the best known of '
                                     'them.',
                          'title': 'Moving Score'},
                  'new_sources': [{'date': None,
                                   'publisher': 'stockq.org',
                                   'quote': 'Music by M. VAINBERG',
                                   'title': 'Letyat zhuravli, credits and script',
                                   'url': 'https://www.stockq.org/moviescript/L/letyat-zhuravli-the-cranes-are-flying.php'},
                                  {'date': None,
                                   'publisher': 'Osteuropa 7/2010',
                                   'quote': None,
                                   'title': 'Musik in Bewegung (Verena Mogl)',
                                   'url': 'https://www.zeitschrift-osteuropa.de/hefte/2010/7/musik-in-bewegung/english'},
                                  {'date': '2019-12-15',
                                   'publisher': 'The Boston Globe',
                                   'quote': 'Poland-born composer, Mieczyslaw Weinberg (also known as Moisey '
                                            'Vaynberg)',
                                   'title': "Article on the film and its composer (arts pages; the article's own "
                                            'address is not known)',
                                   'url': None}],
                  'note': 'The Boston Globe link led to a section of the paper, not the article, so it is no '
                          'longer given.',
                  'old': {'body': 'Mieczysław Weinberg, a friend of Dmitri Shostakovich, earned much of his living '
                                  'from film music. For The Cranes Are Flying his score stays in the background '
                                  'until it is needed, and leaves many of the key scenes to natural sound.',
                          'claim': 'A moving score "composed by Moisey Weinberg".',
                          'status': 'verified',
                          'status_note': 'Composer confirmed by the credits; the standard spelling is Mieczysław '
                                         'Weinberg.',
                          'summary': 'Weinberg wrote more than seventy film scores; this is the best known of '
                                     'them.',
                          'title': 'Moving Score'},
                  'old_sources': [{'date': None,
                                   'publisher': 'stockq.org',
                                   'quote': 'Music by M. VAINBERG',
                                   'title': 'Letyat zhuravli, credits and script',
                                   'url': 'https://www.stockq.org/moviescript/L/letyat-zhuravli-the-cranes-are-flying.php'},
                                  {'date': None,
                                   'publisher': 'Osteuropa 7/2010',
                                   'quote': None,
                                   'title': 'Musik in Bewegung (Verena Mogl)',
                                   'url': 'https://www.zeitschrift-osteuropa.de/hefte/2010/7/musik-in-bewegung/english'},
                                  {'date': '2019-12-15',
                                   'publisher': 'The Boston Globe',
                                   'quote': 'Poland-born composer, Mieczyslaw Weinberg (also known as Moisey '
                                            'Vaynberg)',
                                   'title': 'Article on the film and its composer',
                                   'url': 'https://www.bostonglobe.com/2019/12/15/arts/'}]},
 'palme-dor-winner': {'new': {'body': 'The jury of the 11th Cannes Film Festival, presided over by the writer '
                                      "Marcel Achard, announced the palmarès on 18 May 1958. The Palme d'Or went "
                                      'to Quand passent les cigognes, entered by the USSR.\n'
                                      '\n'
                                      "It remains the only Palme d'Or won by a Soviet, or Russian, film. That "
                                      "needs one caveat: the Palme d'Or itself was first given in 1955. Before it, "
                                      "the festival's top award was the Grand Prix, and in 1946 Fridrikh Ermler's "
                                      'The Turning Point (Velikiy perelom) shared it with ten other films.',
                              'claim': "Won the Palme d'Or at Cannes in 1958.",
                              'status': 'verified',
                              'status_note': "The festival's own palmarès, read out by Achard, bears this out; "
                                             'obituaries and reference works agree. "The only Soviet film" holds '
                                             "for the Palme d'Or, first given in 1955; a Soviet film shared the "
                                             'Grand Prix of 1946.',
                              'summary': "On 18 May 1958 the Cannes jury gave the Palme d'Or to the film, released "
                                         'in France as Quand passent les cigognes. No other Soviet film has won '
                                         "the Palme d'Or.",
                              'title': 'Palme d’Or Winner'},
                      'new_sources': [{'date': '1958-05-18',
                                       'publisher': 'INA, Fresques du Festival de Cannes',
                                       'quote': "… palme d'or … à Quand passent les cigognes, URSS",
                                       'title': 'Palmarès du Festival 1958 (recording and transcript)',
                                       'url': 'https://fresques.ina.fr/festival-de-cannes-fr/fiche-media/Cannes00049/palmares-du-festival-1958.html'},
                                      {'date': None,
                                       'publisher': 'cineartistes.com',
                                       'quote': None,
                                       'title': 'Festival de Cannes 1958 (palmarès)',
                                       'url': None},
                                      {'date': '2014-05-12',
                                       'publisher': 'The Guardian',
                                       'quote': 'a special mention was given to Tatiana Samoilova',
                                       'title': 'Tatiana Samoilova obituary',
                                       'url': 'https://www.theguardian.com/film/2014/may/12/tatiana-samoilova'},
                                      {'date': None,
                                       'publisher': 'Wikipedia (English)',
                                       'quote': None,
                                       'title': 'The Cranes Are Flying',
                                       'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'},
                                      {'date': None,
                                       'publisher': 'Wikipedia (English)',
                                       'quote': None,
                                       'title': "Palme d'Or (history of the award)",
                                       'url': 'https://en.wikipedia.org/wiki/Palme_d%27Or'},
                                      {'date': None,
                                       'publisher': 'Wikipedia (English)',
                                       'quote': None,
                                       'title': '1946 Cannes Film Festival (Grand Prix shared by eleven films)',
                                       'url': 'https://en.wikipedia.org/wiki/1946_Cannes_Film_Festival'}],
                      'note': "Added a caveat to “the only Soviet film”: the Palme d'Or was first given in 1955, "
                              "and in 1946 a Soviet film, The Turning Point, shared the festival's Grand Prix with "
                              'ten others.',
                      'old': {'body': 'The jury of the 11th Cannes Film Festival, presided over by the writer '
                                      "Marcel Achard, announced the palmarès on 18 May 1958. The Palme d'Or went "
                                      'to Quand passent les cigognes, entered by the USSR.\n'
                                      '\n'
                                      "It remains the only Palme d'Or won by a Soviet, or Russian, film.",
                              'claim': "Won the Palme d'Or at Cannes in 1958.",
                              'status': 'verified',
                              'status_note': "The festival's own palmarès, read out by Achard, bears this out; "
                                             'obituaries and reference works agree.',
                              'summary': "On 18 May 1958 the Cannes jury gave the Palme d'Or to the film, released "
                                         'in France as Quand passent les cigognes. No other Soviet film has won '
                                         'it.',
                              'title': 'Palme d’Or Winner'},
                      'old_sources': [{'date': '1958-05-18',
                                       'publisher': 'INA, Fresques du Festival de Cannes',
                                       'quote': "… palme d'or … à Quand passent les cigognes, URSS",
                                       'title': 'Palmarès du Festival 1958 (recording and transcript)',
                                       'url': 'https://fresques.ina.fr/festival-de-cannes-fr/fiche-media/Cannes00049/palmares-du-festival-1958.html'},
                                      {'date': None,
                                       'publisher': 'cineartistes.com',
                                       'quote': None,
                                       'title': 'Festival de Cannes 1958 (palmarès)',
                                       'url': None},
                                      {'date': '2014-05-12',
                                       'publisher': 'The Guardian',
                                       'quote': 'a special mention was given to Tatiana Samoilova',
                                       'title': 'Tatiana Samoilova obituary',
                                       'url': 'https://www.theguardian.com/film/2014/may/12/tatiana-samoilova'},
                                      {'date': None,
                                       'publisher': 'Wikipedia (English)',
                                       'quote': None,
                                       'title': 'The Cranes Are Flying',
                                       'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}]},
 'powerful-anti-war-message': {'new': {'body': 'It is a story of a family broken apart, a soldier dying alone and '
                                               'a woman left to live with her choices. At the end Stepan speaks of '
                                               'victory and of those who did not return in the same breath.\n'
                                               '\n'
                                               'Some critics call it anti-war; others see a patriotic film with an '
                                               'unusually human heart. The club leaves the label open.',
                                       'claim': 'A powerful anti-war message about the futility of war.',
                                       'status': 'opinion',
                                       'status_note': 'An interpretation critics answer differently, not a '
                                                      'checkable claim.',
                                       'summary': 'The film shows the cost of war to those at home rather than '
                                                  'victories at the front; whether that makes it an anti-war film '
                                                  'is a question critics answer differently.',
                                       'title': 'Powerful Anti-War Message'},
                               'new_sources': [],
                               'note': "A judgment no source can settle: now marked opinion under the club's "
                                       'status rubric.',
                               'old': {'body': 'It is a story of a family broken apart, a soldier dying alone and '
                                               'a woman left to live with her choices. At the end Stepan speaks of '
                                               'victory and of those who did not return in the same breath.\n'
                                               '\n'
                                               'Some critics call it anti-war; others see a patriotic film with an '
                                               'unusually human heart. The club leaves the label open.',
                                       'claim': 'A powerful anti-war message about the futility of war.',
                                       'status': 'unverified',
                                       'status_note': 'Interpretation, not a checkable claim.',
                                       'summary': 'The film shows the cost of war to those at home rather than '
                                                  'victories at the front; whether that makes it an anti-war film '
                                                  'is a question critics answer differently.',
                                       'title': 'Powerful Anti-War Message'},
                               'old_sources': []},
 'preservation-of-memory': {'new': {'body': 'Released twelve years after the victory, the film spoke to viewers '
                                            'who had known blackouts, evacuation and the loss of family at the '
                                            'front.\n'
                                            '\n'
                                            "The article's claim that it preserves those memories is an "
                                            'interpretation rather than a fact, so it stays unverified.',
                                    'claim': 'Helps preserve the memories of those who lived through the war.',
                                    'status': 'opinion',
                                    'status_note': 'An interpretation, not a checkable claim.',
                                    'summary': 'The film was made by people who had lived through the war, for an '
                                               'audience that had too. How far it "preserves memory" is a matter '
                                               'of interpretation.',
                                    'title': 'Preservation of Memory'},
                            'new_sources': [],
                            'note': "A judgment no source can settle: now marked opinion under the club's status "
                                    'rubric.',
                            'old': {'body': 'Released twelve years after the victory, the film spoke to viewers '
                                            'who had known blackouts, evacuation and the loss of family at the '
                                            'front.\n'
                                            '\n'
                                            "The article's claim that it preserves those memories is an "
                                            'interpretation rather than a fact, so it stays unverified.',
                                    'claim': 'Helps preserve the memories of those who lived through the war.',
                                    'status': 'unverified',
                                    'status_note': 'Interpretation, not a checkable claim.',
                                    'summary': 'The film was made by people who had lived through the war, for an '
                                               'audience that had too. How far it "preserves memory" is a matter '
                                               'of interpretation.',
                                    'title': 'Preservation of Memory'},
                            'old_sources': []},
 'symbolism-of-cranes': {'new': {'body': 'In the first scene Veronika and Boris watch a skein of cranes cross the '
                                         'sky over Moscow, and she recites a counting rhyme about them. In the '
                                         'last, at the station in 1945, cranes fly over again.\n'
                                         '\n'
                                         'The title, Letyat zhuravli, is simply "the cranes are flying". Viewers '
                                         'read the birds as hope, as the dead, or as life going on; the film never '
                                         'says which.',
                                 'claim': 'Cranes symbolise hope, freedom and resilience.',
                                 'status': 'opinion',
                                 'status_note': "What the cranes mean is the viewer's to decide, so the article's "
                                                'reading is an opinion; the scenes are as described in reference '
                                                'works.',
                                 'summary': 'Cranes open and close the film; in between, their absence marks '
                                            'everything the war has taken.',
                                 'title': 'Symbolism of Cranes'},
                         'new_sources': [{'date': None,
                                          'publisher': 'Wikipedia (English)',
                                          'quote': None,
                                          'title': 'The Cranes Are Flying',
                                          'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}],
                         'note': "A judgment no source can settle: now marked opinion under the club's status "
                                 'rubric.',
                         'old': {'body': 'In the first scene Veronika and Boris watch a skein of cranes cross the '
                                         'sky over Moscow, and she recites a counting rhyme about them. In the '
                                         'last, at the station in 1945, cranes fly over again.\n'
                                         '\n'
                                         'The title, Letyat zhuravli, is simply "the cranes are flying". Viewers '
                                         'read the birds as hope, as the dead, or as life going on; the film never '
                                         'says which.',
                                 'claim': 'Cranes symbolise hope, freedom and resilience.',
                                 'status': 'verified',
                                 'status_note': 'The scenes are as described in reference works; what the cranes '
                                                "mean is the viewer's to decide.",
                                 'summary': 'Cranes open and close the film; in between, their absence marks '
                                            'everything the war has taken.',
                                 'title': 'Symbolism of Cranes'},
                         'old_sources': [{'date': None,
                                          'publisher': 'Wikipedia (English)',
                                          'quote': None,
                                          'title': 'The Cranes Are Flying',
                                          'url': 'https://en.wikipedia.org/wiki/The_Cranes_Are_Flying'}]},
 'timeless-storytelling': {'new': {'body': 'The story is simple: a couple separated by war, a young woman who '
                                           'makes a choice she cannot undo, a family that has to decide whether to '
                                           'forgive her.\n'
                                           '\n'
                                           'That simplicity is part of why it travels. In 2018 the Berlin '
                                           'International Film Festival presented a new 2K restoration in its '
                                           'Classics section.',
                                   'claim': 'A timeless story that still resonates decades later.',
                                   'status': 'opinion',
                                   'status_note': '"Timeless" is an opinion no source can settle; the restoration '
                                                  'and its festival premiere are on record.',
                                   'summary': 'More than sixty years on, the film still fills festival screens; a '
                                              '2K restoration premiered at the Berlinale in 2018.',
                                   'title': 'Timeless Storytelling'},
                           'new_sources': [{'date': None,
                                            'publisher': 'Berlin International Film Festival',
                                            'quote': "based on his play 'Večno živye' (Forever Alive, 1943)",
                                            'title': 'Letyat zhuravli (The Cranes Are Flying), Berlinale Classics '
                                                     '2018',
                                            'url': 'https://www.berlinale.de/en/2018/programme/201802248.html'}],
                           'note': "A judgment no source can settle: now marked opinion under the club's status "
                                   'rubric.',
                           'old': {'body': 'The story is simple: a couple separated by war, a young woman who '
                                           'makes a choice she cannot undo, a family that has to decide whether to '
                                           'forgive her.\n'
                                           '\n'
                                           'That simplicity is part of why it travels. In 2018 the Berlin '
                                           'International Film Festival presented a new 2K restoration in its '
                                           'Classics section.',
                                   'claim': 'A timeless story that still resonates decades later.',
                                   'status': 'verified',
                                   'status_note': 'The word "timeless" is judgment; the restoration and its '
                                                  'festival premiere are on record.',
                                   'summary': 'More than sixty years on, the film still fills festival screens; a '
                                              '2K restoration premiered at the Berlinale in 2018.',
                                   'title': 'Timeless Storytelling'},
                           'old_sources': [{'date': None,
                                            'publisher': 'Berlin International Film Festival',
                                            'quote': "based on his play 'Večno živye' (Forever Alive, 1943)",
                                            'title': 'Letyat zhuravli (The Cranes Are Flying), Berlinale Classics '
                                                     '2018',
                                            'url': 'https://www.berlinale.de/en/2018/programme/201802248.html'}]}}

FAQ = {'awards': {'new': {'answer': "The Palme d'Or at the 1958 Cannes Film Festival, and a special mention for Tatiana "
                              'Samoilova from the same jury. She did not win Best Actress: that prize went jointly '
                              "to four actresses of Bergman's Brink of Life.\n"
                              '\n'
                              "At the British Academy's awards of 1959 the film was nominated for Best Film from "
                              "any Source and Samoilova for Best Foreign Actress, as BAFTA's own awards database "
                              'records; neither won. No other competitive award for the film is on record in the '
                              'sources the club has checked.\n'
                              '\n'
                              'It did not win a Golden Globe, whatever some lists say. The 1959 Golden Globes for '
                              "foreign-language films went to Das Mädchen Rosemarie, L'Eau vive and La strada "
                              'lunga un anno, and no source credits the film with any Golden Globe.',
                    'question': 'What awards has “The Cranes Are Flying” won?'},
            'old': {'answer': "The Palme d'Or at the 1958 Cannes Film Festival, and a special mention for Tatiana "
                              'Samoilova from the same jury. She did not win Best Actress: that prize went jointly '
                              "to four actresses of Bergman's Brink of Life. Secondary sources also report two "
                              'BAFTA nominations in 1959.\n'
                              '\n'
                              'It did not win a Golden Globe, whatever some lists say. The 1959 Golden Globes for '
                              "foreign-language films went to Das Mädchen Rosemarie, L'Eau vive and La strada "
                              'lunga un anno, and no source credits the film with any Golden Globe.',
                    'question': 'What awards has “The Cranes Are Flying” won?'}},
 'director': {'new': {'answer': 'Mikhail Kalatozov (1903–1973). He made it with the cinematographer Sergei '
                                'Urusevsky, with whom he had first worked on The First Echelon (1955); the two '
                                'went on to make Letter Never Sent and I Am Cuba together.',
                      'question': 'Who directed “The Cranes Are Flying”?'},
              'old': {'answer': 'Mikhail Kalatozov (1903–1973). He made it with the cinematographer Sergei '
                                'Urusevsky, and the two went on to make Letter Never Sent and I Am Cuba together.',
                      'question': 'Who directed “The Cranes Are Flying”?'}},
 'why-watch': {'new': {'answer': "Three things: Urusevsky's moving camera, which still looks modern; Tatiana "
                                 "Samoilova's performance as Veronika; and a war story told from the home front, "
                                 "without easy heroics. It is also the only Soviet film to win the Palme d'Or "
                                 "(first given in 1955; a Soviet film had shared the festival's Grand Prix in "
                                 '1946).',
                       'question': 'What makes “The Cranes Are Flying” a must-watch film?'},
               'old': {'answer': "Three things: Urusevsky's moving camera, which still looks modern; Tatiana "
                                 "Samoilova's performance as Veronika; and a war story told from the home front, "
                                 "without easy heroics. It is also the only Soviet film to win the Palme d'Or.",
                       'question': 'What makes “The Cranes Are Flying” a must-watch film?'}}}
