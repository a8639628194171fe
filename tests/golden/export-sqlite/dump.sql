BEGIN TRANSACTION;
CREATE TABLE "actors" ("id" TEXT, "name" TEXT, "kind" TEXT, "country" TEXT, "seat" TEXT, "aliases" TEXT, "summary" TEXT, "stance" TEXT, "origins" INTEGER, PRIMARY KEY ("id"));
INSERT INTO "actors" VALUES('ada-xavier','Ada Xávier','person','XA',NULL,'La Presidenta','Leader who turned Xanadu towards Yland.','Favours close ties with Yland.',1);
INSERT INTO "actors" VALUES('yarms','Yarms Export','company','YL',NULL,'YX',NULL,NULL,0);
INSERT INTO "actors" VALUES('yland','Yland','state','YL',NULL,'',NULL,NULL,0);
CREATE TABLE "actors_origins" ("id" TEXT, "position" INTEGER, "origin" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "actors_origins" VALUES('ada-xavier',1,'yland-gazette');
CREATE TABLE "actors_roles" ("id" TEXT, "role_no" INTEGER, "title" TEXT, "from" TEXT, "from_first_day" TEXT, "from_last_day" TEXT, "to" TEXT, "to_first_day" TEXT, "to_last_day" TEXT, PRIMARY KEY ("id", "role_no"));
INSERT INTO "actors_roles" VALUES('ada-xavier',1,'Defence Minister of Xanadu','2001','2001-01-01','2001-12-31','2005-06','2005-06-01','2005-06-30');
INSERT INTO "actors_roles" VALUES('ada-xavier',2,'President of Xanadu','2005-07','2005-07-01','2005-07-31',NULL,NULL,NULL);
CREATE TABLE "actors_sources" ("id" TEXT, "position" INTEGER, "source" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "actors_sources" VALUES('ada-xavier',1,'yl-gazette-2006');
CREATE TABLE "actors_themes" ("id" TEXT, "position" INTEGER, "theme" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "actors_themes" VALUES('ada-xavier',1,'military');
CREATE TABLE "briefings" ("id" TEXT, "title" TEXT, "summary" TEXT, "order" INTEGER, "origins" INTEGER, PRIMARY KEY ("id"));
INSERT INTO "briefings" VALUES('arms','Arms from Yland','Xanadu buys its jets from Yland.',NULL,1);
INSERT INTO "briefings" VALUES('talks','Talks','The two states talk a lot.',NULL,0);
CREATE TABLE "briefings_key_judgments" ("id" TEXT, "key_judgment_no" INTEGER, "text" TEXT, "likelihood" TEXT, "confidence" TEXT, "judgment_id" TEXT, "origins" INTEGER, PRIMARY KEY ("id", "key_judgment_no"));
INSERT INTO "briefings_key_judgments" VALUES('arms',1,'Xanadu will keep buying from Yland.','likely','moderate',NULL,2);
CREATE TABLE "briefings_key_judgments_actors" ("id" TEXT, "key_judgment_no" INTEGER, "position" INTEGER, "actor" TEXT, PRIMARY KEY ("id", "key_judgment_no", "position"));
CREATE TABLE "briefings_key_judgments_basis" ("id" TEXT, "key_judgment_no" INTEGER, "position" INTEGER, "event" TEXT, PRIMARY KEY ("id", "key_judgment_no", "position"));
INSERT INTO "briefings_key_judgments_basis" VALUES('arms',1,1,'fighter-deal');
INSERT INTO "briefings_key_judgments_basis" VALUES('arms',1,2,'deliveries');
CREATE TABLE "briefings_key_judgments_countries" ("id" TEXT, "key_judgment_no" INTEGER, "position" INTEGER, "country" TEXT, PRIMARY KEY ("id", "key_judgment_no", "position"));
INSERT INTO "briefings_key_judgments_countries" VALUES('arms',1,1,'XA');
CREATE TABLE "briefings_key_judgments_origins" ("id" TEXT, "key_judgment_no" INTEGER, "position" INTEGER, "origin" TEXT, PRIMARY KEY ("id", "key_judgment_no", "position"));
INSERT INTO "briefings_key_judgments_origins" VALUES('arms',1,1,'yland-gazette');
INSERT INTO "briefings_key_judgments_origins" VALUES('arms',1,2,'xanadu-ministry-of-defence');
CREATE TABLE "briefings_key_judgments_sources" ("id" TEXT, "key_judgment_no" INTEGER, "position" INTEGER, "source" TEXT, PRIMARY KEY ("id", "key_judgment_no", "position"));
INSERT INTO "briefings_key_judgments_sources" VALUES('arms',1,1,'yl-gazette-2006');
CREATE TABLE "briefings_key_judgments_themes" ("id" TEXT, "key_judgment_no" INTEGER, "position" INTEGER, "theme" TEXT, PRIMARY KEY ("id", "key_judgment_no", "position"));
CREATE TABLE "briefings_origins" ("id" TEXT, "position" INTEGER, "origin" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "briefings_origins" VALUES('arms',1,'xanadu-ministry-of-defence');
CREATE TABLE "briefings_sections" ("id" TEXT, "section_no" INTEGER, "heading" TEXT, PRIMARY KEY ("id", "section_no"));
INSERT INTO "briefings_sections" VALUES('arms',1,'The deals');
INSERT INTO "briefings_sections" VALUES('arms',2,'Politics');
INSERT INTO "briefings_sections" VALUES('talks',1,'Summits');
CREATE TABLE "briefings_sections_points" ("id" TEXT, "section_no" INTEGER, "point_no" INTEGER, "text" TEXT, "confidence" TEXT, "credibility" TEXT, "relevance" TEXT, "point_id" TEXT, "origins" INTEGER, PRIMARY KEY ("id", "section_no", "point_no"));
INSERT INTO "briefings_sections_points" VALUES('arms',1,1,'A plain string point.',NULL,NULL,NULL,NULL,0);
INSERT INTO "briefings_sections_points" VALUES('arms',1,2,'Twenty-four jets were ordered.','high',NULL,NULL,NULL,1);
INSERT INTO "briefings_sections_points" VALUES('arms',2,1,'Ada drove the deal.','low',NULL,NULL,NULL,0);
INSERT INTO "briefings_sections_points" VALUES('talks',1,1,'Leaders met in 2019.',NULL,NULL,NULL,NULL,0);
CREATE TABLE "briefings_sections_points_actors" ("id" TEXT, "section_no" INTEGER, "point_no" INTEGER, "position" INTEGER, "actor" TEXT, PRIMARY KEY ("id", "section_no", "point_no", "position"));
INSERT INTO "briefings_sections_points_actors" VALUES('arms',1,2,1,'yarms');
INSERT INTO "briefings_sections_points_actors" VALUES('arms',2,1,1,'ada-xavier');
CREATE TABLE "briefings_sections_points_consistency" ("id" TEXT, "section_no" INTEGER, "point_no" INTEGER, "hypothesis" TEXT, "rating" TEXT, "note" TEXT, "analyst" TEXT, PRIMARY KEY ("id", "section_no", "point_no", "hypothesis"));
CREATE TABLE "briefings_sections_points_consistency_analysts" ("id" TEXT, "section_no" INTEGER, "point_no" INTEGER, "hypothesis" TEXT, "analyst" TEXT, "rating" TEXT, PRIMARY KEY ("id", "section_no", "point_no", "hypothesis", "analyst"));
CREATE TABLE "briefings_sections_points_countries" ("id" TEXT, "section_no" INTEGER, "point_no" INTEGER, "position" INTEGER, "country" TEXT, PRIMARY KEY ("id", "section_no", "point_no", "position"));
INSERT INTO "briefings_sections_points_countries" VALUES('arms',1,2,1,'XA');
CREATE TABLE "briefings_sections_points_origins" ("id" TEXT, "section_no" INTEGER, "point_no" INTEGER, "position" INTEGER, "origin" TEXT, PRIMARY KEY ("id", "section_no", "point_no", "position"));
INSERT INTO "briefings_sections_points_origins" VALUES('arms',1,2,1,'yland-gazette');
CREATE TABLE "briefings_sections_points_sources" ("id" TEXT, "section_no" INTEGER, "point_no" INTEGER, "position" INTEGER, "source" TEXT, PRIMARY KEY ("id", "section_no", "point_no", "position"));
INSERT INTO "briefings_sections_points_sources" VALUES('arms',1,2,1,'yl-gazette-2006');
CREATE TABLE "briefings_sections_points_themes" ("id" TEXT, "section_no" INTEGER, "point_no" INTEGER, "position" INTEGER, "theme" TEXT, PRIMARY KEY ("id", "section_no", "point_no", "position"));
INSERT INTO "briefings_sections_points_themes" VALUES('arms',1,2,1,'aircraft-deals');
CREATE TABLE "briefings_see_also" ("id" TEXT, "position" INTEGER, "briefing" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "briefings_see_also" VALUES('arms',1,'talks');
INSERT INTO "briefings_see_also" VALUES('talks',1,'arms');
CREATE TABLE "briefings_sources" ("id" TEXT, "position" INTEGER, "source" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "briefings_sources" VALUES('arms',1,'xa-ministry');
CREATE TABLE "briefings_themes" ("id" TEXT, "position" INTEGER, "theme" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "briefings_themes" VALUES('arms',1,'arms-sales');
INSERT INTO "briefings_themes" VALUES('talks',1,'diplomacy');
CREATE TABLE "countries" ("code" TEXT, "name" TEXT, "aliases" TEXT, "region" TEXT, PRIMARY KEY ("code"));
INSERT INTO "countries" VALUES('XA','Xanadu','Republic of Xanadu
República de Xanadú','Atlantis');
INSERT INTO "countries" VALUES('YL','Yland','Kingdom of Yland',NULL);
INSERT INTO "countries" VALUES('NO','Norway','','Europe');
CREATE TABLE "events" ("id" TEXT, "date" TEXT, "date_first_day" TEXT, "date_last_day" TEXT, "end" TEXT, "end_first_day" TEXT, "end_last_day" TEXT, "circa" INTEGER, "display_date" TEXT, "title" TEXT, "summary" TEXT, "confidence" TEXT, "credibility" TEXT, "relevance" TEXT, "disputed" TEXT, "status" TEXT, "origin" TEXT, "destination" TEXT, "origins" INTEGER, PRIMARY KEY ("id"));
INSERT INTO "events" VALUES('first-contacts','2001','2001-01-01','2001-12-31',NULL,NULL,NULL,1,NULL,'First contacts',NULL,'low',NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO "events" VALUES('fighter-deal','2006-07','2006-07-01','2006-07-31',NULL,NULL,NULL,0,NULL,'Xanadu orders fighters from Yland','A deal for 24 jets.','high',NULL,NULL,NULL,NULL,NULL,NULL,2);
INSERT INTO "events" VALUES('deliveries','2006-11-30','2006-11-30','2006-11-30','2008-08-03','2008-08-03','2008-08-03',0,NULL,'Fighters delivered',NULL,'moderate',NULL,NULL,'end: The ministry: last jet on 3 Aug 2008; the gazette: September 2008.',NULL,NULL,NULL,1);
INSERT INTO "events" VALUES('summit','2019-03-25','2019-03-25','2019-03-25',NULL,NULL,NULL,0,'late March 2019','Summit in the capital','Leaders met.',NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
CREATE TABLE "events_actors" ("id" TEXT, "position" INTEGER, "actor" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "events_actors" VALUES('first-contacts',1,'ada-xavier');
INSERT INTO "events_actors" VALUES('fighter-deal',1,'yarms');
CREATE TABLE "events_consistency" ("id" TEXT, "hypothesis" TEXT, "rating" TEXT, "note" TEXT, "analyst" TEXT, PRIMARY KEY ("id", "hypothesis"));
CREATE TABLE "events_consistency_analysts" ("id" TEXT, "hypothesis" TEXT, "analyst" TEXT, "rating" TEXT, PRIMARY KEY ("id", "hypothesis", "analyst"));
CREATE TABLE "events_countries" ("id" TEXT, "position" INTEGER, "country" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "events_countries" VALUES('fighter-deal',1,'XA');
INSERT INTO "events_countries" VALUES('deliveries',1,'XA');
INSERT INTO "events_countries" VALUES('deliveries',2,'YL');
INSERT INTO "events_countries" VALUES('summit',1,'NO');
CREATE TABLE "events_origins" ("id" TEXT, "position" INTEGER, "origin" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "events_origins" VALUES('fighter-deal',1,'yland-gazette');
INSERT INTO "events_origins" VALUES('fighter-deal',2,'xanadu-ministry-of-defence');
INSERT INTO "events_origins" VALUES('deliveries',1,'xanadu-ministry-of-defence');
CREATE TABLE "events_places" ("id" TEXT, "position" INTEGER, "place" TEXT, PRIMARY KEY ("id", "position"));
CREATE TABLE "events_signals" ("id" TEXT, "signal_no" INTEGER, "indicator" TEXT, "direction" TEXT, "note" TEXT, PRIMARY KEY ("id", "signal_no"));
INSERT INTO "events_signals" VALUES('deliveries',1,'more-deliveries','for','The ministry confirms the deliveries.');
INSERT INTO "events_signals" VALUES('summit',1,'summits-continue','for',NULL);
CREATE TABLE "events_sources" ("id" TEXT, "position" INTEGER, "source" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "events_sources" VALUES('fighter-deal',1,'yl-gazette-2006');
INSERT INTO "events_sources" VALUES('fighter-deal',2,'xa-ministry');
INSERT INTO "events_sources" VALUES('deliveries',1,'xa-ministry');
CREATE TABLE "events_themes" ("id" TEXT, "position" INTEGER, "theme" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "events_themes" VALUES('first-contacts',1,'diplomacy');
INSERT INTO "events_themes" VALUES('fighter-deal',1,'aircraft-deals');
INSERT INTO "events_themes" VALUES('deliveries',1,'aircraft-deals');
INSERT INTO "events_themes" VALUES('summit',1,'diplomacy');
CREATE TABLE "hypotheses" ("id" TEXT, "question" TEXT, "statement" TEXT, "scenario" TEXT, PRIMARY KEY ("id"));
CREATE TABLE "places" ("id" TEXT, "name" TEXT, "aliases" TEXT, "country" TEXT, "latitude" REAL, "longitude" REAL, "precision" TEXT, "gazetteer" TEXT, "origins" INTEGER, PRIMARY KEY ("id"));
CREATE TABLE "places_origins" ("id" TEXT, "position" INTEGER, "origin" TEXT, PRIMARY KEY ("id", "position"));
CREATE TABLE "questions" ("id" TEXT, "text" TEXT, "summary" TEXT, PRIMARY KEY ("id"));
CREATE TABLE "relations" ("relation_no" INTEGER, "from" TEXT, "to" TEXT, "kind" TEXT, "since" TEXT, "since_first_day" TEXT, "since_last_day" TEXT, "until" TEXT, "until_first_day" TEXT, "until_last_day" TEXT, "summary" TEXT, "origins" INTEGER, PRIMARY KEY ("relation_no"));
INSERT INTO "relations" VALUES(1,'yarms','ada-xavier','supplier','2006-07','2006-07-01','2006-07-31','2019','2019-01-01','2019-12-31','Sold aircraft to Xanadu under Ada.',1);
INSERT INTO "relations" VALUES(2,'ada-xavier','yland','ally','2005','2005-01-01','2005-12-31',NULL,NULL,NULL,NULL,0);
CREATE TABLE "relations_origins" ("relation_no" INTEGER, "position" INTEGER, "origin" TEXT, PRIMARY KEY ("relation_no", "position"));
INSERT INTO "relations_origins" VALUES(1,1,'yland-gazette');
CREATE TABLE "relations_sources" ("relation_no" INTEGER, "position" INTEGER, "source" TEXT, PRIMARY KEY ("relation_no", "position"));
INSERT INTO "relations_sources" VALUES(1,1,'yl-gazette-2006');
CREATE TABLE "scenarios" ("id" TEXT, "title" TEXT, "summary" TEXT, "likelihood" TEXT, "horizon" TEXT, "drivers" TEXT, PRIMARY KEY ("id"));
INSERT INTO "scenarios" VALUES('steady','Steady ties','Things go on as before.','roughly-even-chance','2021','Money
Habit');
CREATE TABLE "scenarios_countries" ("id" TEXT, "position" INTEGER, "country" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "scenarios_countries" VALUES('steady',1,'XA');
INSERT INTO "scenarios_countries" VALUES('steady',2,'YL');
CREATE TABLE "scenarios_indicators" ("id" TEXT, "indicator_no" INTEGER, "indicator_id" TEXT, "text" TEXT, "counts" TEXT, "deadline" TEXT, "deadline_first_day" TEXT, "deadline_last_day" TEXT, "horizon" TEXT, "type" TEXT, "criteria" TEXT, PRIMARY KEY ("id", "indicator_no"));
INSERT INTO "scenarios_indicators" VALUES('steady',1,NULL,'New orders',NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO "scenarios_indicators" VALUES('steady',2,'more-deliveries','More fighters delivered','A delivery confirmed by either government.','2010-12-31','2010-12-31','2010-12-31',NULL,NULL,NULL);
INSERT INTO "scenarios_indicators" VALUES('steady',3,'summits-continue','Leaders keep meeting',NULL,NULL,NULL,NULL,'the 2020s',NULL,NULL);
CREATE TABLE "scenarios_themes" ("id" TEXT, "position" INTEGER, "theme" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "scenarios_themes" VALUES('steady',1,'military');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_master(type,name,tbl_name,rootpage,sql)VALUES('table','search','search',0,'CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, label, body, tokenize = ''unicode61 remove_diacritics 2'')');
INSERT INTO "search" VALUES('themes','military','Military matters','Military matters
Everything with uniforms.');
INSERT INTO "search" VALUES('themes','arms-sales','Arms sales','Arms sales');
INSERT INTO "search" VALUES('themes','aircraft-deals','Aircraft deals','Aircraft deals');
INSERT INTO "search" VALUES('themes','diplomacy','Diplomacy','Diplomacy');
INSERT INTO "search" VALUES('countries','XA','Xanadu','Xanadu
Republic of Xanadu
República de Xanadú
Atlantis');
INSERT INTO "search" VALUES('countries','YL','Yland','Yland
Kingdom of Yland');
INSERT INTO "search" VALUES('countries','NO','Norway','Norway
Europe');
INSERT INTO "search" VALUES('actors','ada-xavier','Ada Xávier','Ada Xávier
La Presidenta
Defence Minister of Xanadu
President of Xanadu
Leader who turned Xanadu towards Yland.
Favours close ties with Yland.');
INSERT INTO "search" VALUES('actors','yarms','Yarms Export','Yarms Export
YX');
INSERT INTO "search" VALUES('actors','yland','Yland','Yland');
INSERT INTO "search" VALUES('events','first-contacts','First contacts','First contacts');
INSERT INTO "search" VALUES('events','fighter-deal','Xanadu orders fighters from Yland','Xanadu orders fighters from Yland
A deal for 24 jets.');
INSERT INTO "search" VALUES('events','deliveries','Fighters delivered','Fighters delivered
The ministry: last jet on 3 Aug 2008; the gazette: September 2008.');
INSERT INTO "search" VALUES('events','summit','Summit in the capital','late March 2019
Summit in the capital
Leaders met.');
INSERT INTO "search" VALUES('briefings','arms','Arms from Yland','Arms from Yland
Xanadu buys its jets from Yland.');
INSERT INTO "search" VALUES('briefings','talks','Talks','Talks
The two states talk a lot.');
INSERT INTO "search" VALUES('sources','yl-gazette-2006','Yland Gazette on the fighter deal','Yland Gazette on the fighter deal
Yland Gazette
https://gazette.example/2006/deal');
INSERT INTO "search" VALUES('sources','xa-ministry','Ministry statement','Ministry statement
Xanadu Ministry of Defence');
INSERT INTO "search" VALUES('relations','1','','supplier
Sold aircraft to Xanadu under Ada.');
INSERT INTO "search" VALUES('relations','2','','ally');
INSERT INTO "search" VALUES('transfers','rifles','YK-103','YK-103
small-arms');
INSERT INTO "search" VALUES('transfers','jets','Y-30','Y-30
aircraft
Multirole fighters.
Some reports say 20.
The gazette counts 24 delivered; some reports say 20.');
INSERT INTO "search" VALUES('scenarios','steady','Steady ties','Steady ties
Things go on as before.
2021
Money
Habit
New orders
More fighters delivered
A delivery confirmed by either government.
Leaders keep meeting
the 2020s');
CREATE TABLE "sources" ("id" TEXT, "title" TEXT, "publisher" TEXT, "url" TEXT, "published" TEXT, "published_first_day" TEXT, "published_last_day" TEXT, "kind" TEXT, "reliability" TEXT, "accessed" TEXT, "accessed_first_day" TEXT, "accessed_last_day" TEXT, "archive_url" TEXT, "origin" TEXT, "origin_basis" TEXT, "via" TEXT, "state_media" INTEGER, "origin_id" TEXT, PRIMARY KEY ("id"));
INSERT INTO "sources" VALUES('yl-gazette-2006','Yland Gazette on the fighter deal','Yland Gazette','https://gazette.example/2006/deal','2006-07-20','2006-07-20','2006-07-20','news','B',NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'yland-gazette');
INSERT INTO "sources" VALUES('xa-ministry','Ministry statement','Xanadu Ministry of Defence',NULL,NULL,NULL,NULL,'official','A',NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'xanadu-ministry-of-defence');
CREATE TABLE "themes" ("id" TEXT, "title" TEXT, "description" TEXT, "parent" TEXT, PRIMARY KEY ("id"));
INSERT INTO "themes" VALUES('military','Military matters','Everything with uniforms.',NULL);
INSERT INTO "themes" VALUES('arms-sales','Arms sales',NULL,'military');
INSERT INTO "themes" VALUES('aircraft-deals','Aircraft deals',NULL,'arms-sales');
INSERT INTO "themes" VALUES('diplomacy','Diplomacy',NULL,NULL);
CREATE TABLE "topic" ("topic_no" INTEGER, "title" TEXT, "subtitle" TEXT, "summary" TEXT, "as_of" TEXT, "as_of_first_day" TEXT, "as_of_last_day" TEXT, PRIMARY KEY ("topic_no"));
INSERT INTO "topic" VALUES(1,'Atlantic test corpus','A small corpus that uses every field of the format','Two fictional states, Xanadu and Yland, trade arms and words.

This second paragraph checks paragraph handling.','2020-06-30','2020-06-30','2020-06-30');
CREATE TABLE "transfers" ("id" TEXT, "supplier" TEXT, "recipient" TEXT, "designation" TEXT, "category" TEXT, "description" TEXT, "ordered" TEXT, "ordered_first_day" TEXT, "ordered_last_day" TEXT, "delivered_from" TEXT, "delivered_from_first_day" TEXT, "delivered_from_last_day" TEXT, "delivered_to" TEXT, "delivered_to_first_day" TEXT, "delivered_to_last_day" TEXT, "quantity_ordered" INTEGER, "quantity_ordered_low" INTEGER, "quantity_ordered_high" INTEGER, "quantity_delivered" INTEGER, "quantity_delivered_low" INTEGER, "quantity_delivered_high" INTEGER, "value_usd" REAL, "value_usd_low" REAL, "value_usd_high" REAL, "status" TEXT, "notes" TEXT, "disputed" TEXT, "origins" INTEGER, PRIMARY KEY ("id"));
INSERT INTO "transfers" VALUES('rifles','YL','XA','YK-103','small-arms',NULL,'2005','2005-01-01','2005-12-31',NULL,NULL,NULL,NULL,NULL,NULL,100000,100000,100000,NULL,NULL,NULL,NULL,50000000.0,80000000.0,'delivering',NULL,NULL,0);
INSERT INTO "transfers" VALUES('jets','YL','XA','Y-30','aircraft','Multirole fighters.','2006-07','2006-07-01','2006-07-31','2006-11','2006-11-01','2006-11-30','2008-08','2008-08-01','2008-08-31',24,24,24,NULL,20,24,1500000000.0,1500000000.0,1500000000.0,'delivered','Some reports say 20.','quantity_delivered: The gazette counts 24 delivered; some reports say 20.',1);
CREATE TABLE "transfers_origins" ("id" TEXT, "position" INTEGER, "origin" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "transfers_origins" VALUES('jets',1,'yland-gazette');
CREATE TABLE "transfers_places" ("id" TEXT, "position" INTEGER, "place" TEXT, PRIMARY KEY ("id", "position"));
CREATE TABLE "transfers_sources" ("id" TEXT, "position" INTEGER, "source" TEXT, PRIMARY KEY ("id", "position"));
INSERT INTO "transfers_sources" VALUES('jets',1,'yl-gazette-2006');
CREATE VIEW located_events AS
SELECT e.id AS event, e.title AS title, e.date AS date, e.date_first_day AS first_day,
       COALESCE(e.end_last_day, e.date_last_day) AS last_day, e.confidence AS confidence,
       l.role AS role, p.id AS place, p.name AS place_name, p.country AS country,
       p.latitude AS latitude, p.longitude AS longitude
FROM (SELECT id, place, 'site' AS role, position FROM events_places
      UNION ALL SELECT id, origin, 'origin', 1000000 FROM events WHERE origin IS NOT NULL
      UNION ALL SELECT id, destination, 'destination', 1000001 FROM events
      WHERE destination IS NOT NULL) AS l
JOIN events AS e ON e.id = l.id
JOIN places AS p ON p.id = l.place
ORDER BY e.date_first_day, e.id, l.position;
CREATE VIEW seated_actors AS
SELECT a.id AS actor, a.name AS name, a.kind AS kind, p.id AS place, p.name AS place_name,
       p.country AS country, p.latitude AS latitude, p.longitude AS longitude
FROM actors AS a
JOIN places AS p ON p.id = a.seat
ORDER BY a.id;
PRAGMA writable_schema=OFF;
COMMIT;
