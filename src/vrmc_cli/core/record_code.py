"""The methods of vrmc's record classes, generated from the classes by
`python -m vrmc_cli.core.record` (core/record.py), so that no run compiles them. Do not
edit: regenerate. tests/test_record.py checks that this file is what the classes make now."""

# fmt: off
# ruff: noqa
# mypy: ignore-errors

MISSING = object()
_MISSING = MISSING
_set = object.__setattr__

# vrmc_cli.analysis.ach.Analysis
def _r0__init__(self, question, hypotheses, evidence, scores, coverage, sensitivity, disagreements, analysts):
    _r0_s_question(self, question)
    _r0_s_hypotheses(self, hypotheses)
    _r0_s_evidence(self, evidence)
    _r0_s_scores(self, scores)
    _r0_s_coverage(self, coverage)
    _r0_s_sensitivity(self, sensitivity)
    _r0_s_disagreements(self, disagreements)
    _r0_s_analysts(self, analysts)
def _r0__reduce__(self):
    return self.__class__, (self.question, self.hypotheses, self.evidence, self.scores, self.coverage, self.sensitivity, self.disagreements, self.analysts, )

# vrmc_cli.analysis.ach.Change
def _r1__init__(self, evidence, hypothesis, before, after, leaders):
    _r1_s_evidence(self, evidence)
    _r1_s_hypothesis(self, hypothesis)
    _r1_s_before(self, before)
    _r1_s_after(self, after)
    _r1_s_leaders(self, leaders)
def _r1__reduce__(self):
    return self.__class__, (self.evidence, self.hypothesis, self.before, self.after, self.leaders, )

# vrmc_cli.analysis.ach.Coverage
def _r2__init__(self, hypothesis, rated, applicable, not_applicable, consistent, neutral, inconsistent, very_inconsistent):
    _r2_s_hypothesis(self, hypothesis)
    _r2_s_rated(self, rated)
    _r2_s_applicable(self, applicable)
    _r2_s_not_applicable(self, not_applicable)
    _r2_s_consistent(self, consistent)
    _r2_s_neutral(self, neutral)
    _r2_s_inconsistent(self, inconsistent)
    _r2_s_very_inconsistent(self, very_inconsistent)
def _r2__reduce__(self):
    return self.__class__, (self.hypothesis, self.rated, self.applicable, self.not_applicable, self.consistent, self.neutral, self.inconsistent, self.very_inconsistent, )

# vrmc_cli.analysis.ach.Disagreement
def _r3__init__(self, evidence, hypothesis, ratings):
    _r3_s_evidence(self, evidence)
    _r3_s_hypothesis(self, hypothesis)
    _r3_s_ratings(self, ratings)
def _r3__reduce__(self):
    return self.__class__, (self.evidence, self.hypothesis, self.ratings, )

# vrmc_cli.analysis.ach.Evidence
def _r4__init__(self, number, item, briefing, grade, credibility, relevance, ratings, diagnosticity):
    _r4_s_number(self, number)
    _r4_s_item(self, item)
    _r4_s_briefing(self, briefing)
    _r4_s_grade(self, grade)
    _r4_s_credibility(self, credibility)
    _r4_s_relevance(self, relevance)
    _r4_s_ratings(self, ratings)
    _r4_s_diagnosticity(self, diagnosticity)
def _r4__reduce__(self):
    return self.__class__, (self.number, self.item, self.briefing, self.grade, self.credibility, self.relevance, self.ratings, self.diagnosticity, )

# vrmc_cli.analysis.ach.Score
def _r5__init__(self, hypothesis, inconsistent, very_inconsistent, score, rank):
    _r5_s_hypothesis(self, hypothesis)
    _r5_s_inconsistent(self, inconsistent)
    _r5_s_very_inconsistent(self, very_inconsistent)
    _r5_s_score(self, score)
    _r5_s_rank(self, rank)
def _r5__reduce__(self):
    return self.__class__, (self.hypothesis, self.inconsistent, self.very_inconsistent, self.score, self.rank, )

# vrmc_cli.analysis.ach.Sensitivity
def _r6__init__(self, leaders, changes, removals, lead_changes):
    _r6_s_leaders(self, leaders)
    _r6_s_changes(self, changes)
    _r6_s_removals(self, removals)
    _r6_s_lead_changes(self, lead_changes)
def _r6__reduce__(self):
    return self.__class__, (self.leaders, self.changes, self.removals, self.lead_changes, )

# vrmc_cli.analysis.changes.ChangedEntry
def _r7__init__(self, key, label, fields):
    _r7_s_key(self, key)
    _r7_s_label(self, label)
    _r7_s_fields(self, fields)
def _r7__reduce__(self):
    return self.__class__, (self.key, self.label, self.fields, )

# vrmc_cli.analysis.changes.CorpusDiff
def _r8__init__(self, old, new, notices, kinds):
    _r8_s_old(self, old)
    _r8_s_new(self, new)
    _r8_s_notices(self, notices)
    _r8_s_kinds(self, kinds)
def _r8__reduce__(self):
    return self.__class__, (self.old, self.new, self.notices, self.kinds, )

# vrmc_cli.analysis.changes.FieldChange
def _r9__init__(self, path, before, after):
    _r9_s_path(self, path)
    _r9_s_before(self, before)
    _r9_s_after(self, after)
def _r9__reduce__(self):
    return self.__class__, (self.path, self.before, self.after, )

# vrmc_cli.analysis.changes.KindChanges
def _r10__init__(self, kind, title, added, removed, changed):
    _r10_s_kind(self, kind)
    _r10_s_title(self, title)
    _r10_s_added(self, added)
    _r10_s_removed(self, removed)
    _r10_s_changed(self, changed)
def _r10__reduce__(self):
    return self.__class__, (self.kind, self.title, self.added, self.removed, self.changed, )

# vrmc_cli.analysis.changes.Notice
def _r11__init__(self, what, key, parts, before=_MISSING, after=_MISSING):
    _r11_s_what(self, what)
    _r11_s_key(self, key)
    _r11_s_parts(self, parts)
    _r11_s_before(self, before)
    _r11_s_after(self, after)
def _r11__reduce__(self):
    return self.__class__, (self.what, self.key, self.parts, self.before, self.after, )

# vrmc_cli.analysis.counts.CountryCount
def _r12__init__(self, country, events, actors, transfers):
    self.country = country
    self.events = events
    self.actors = actors
    self.transfers = transfers
def _r12__reduce__(self):
    return self.__class__, (self.country, self.events, self.actors, self.transfers, )

# vrmc_cli.analysis.counts.PlaceCount
def _r13__init__(self, place, events, transfers, first, last):
    _r13_s_place(self, place)
    _r13_s_events(self, events)
    _r13_s_transfers(self, transfers)
    _r13_s_first(self, first)
    _r13_s_last(self, last)
def _r13__reduce__(self):
    return self.__class__, (self.place, self.events, self.transfers, self.first, self.last, )

# vrmc_cli.analysis.counts.SourceCount
def _r14__init__(self, source, citations):
    self.source = source
    self.citations = citations
def _r14__reduce__(self):
    return self.__class__, (self.source, self.citations, )

# vrmc_cli.analysis.counts.ThemeCount
def _r15__init__(self, theme, depth, events, points):
    self.theme = theme
    self.depth = depth
    self.events = events
    self.points = points
def _r15__reduce__(self):
    return self.__class__, (self.theme, self.depth, self.events, self.points, )

# vrmc_cli.analysis.outlines.Layout
def _r16__init__(self, width, height, shapes, marks):
    _r16_s_width(self, width)
    _r16_s_height(self, height)
    _r16_s_shapes(self, shapes)
    _r16_s_marks(self, marks)
def _r16__reduce__(self):
    return self.__class__, (self.width, self.height, self.shapes, self.marks, )

# vrmc_cli.analysis.outlines.Placed
def _r17__init__(self, spot, x, y, r, label):
    _r17_s_spot(self, spot)
    _r17_s_x(self, x)
    _r17_s_y(self, y)
    _r17_s_r(self, r)
    _r17_s_label(self, label)
def _r17__reduce__(self):
    return self.__class__, (self.spot, self.x, self.y, self.r, self.label, )

# vrmc_cli.analysis.outlines.Shape
def _r18__init__(self, code, rings, holes, marked):
    _r18_s_code(self, code)
    _r18_s_rings(self, rings)
    _r18_s_holes(self, holes)
    _r18_s_marked(self, marked)
def _r18__reduce__(self):
    return self.__class__, (self.code, self.rings, self.holes, self.marked, )

# vrmc_cli.analysis.provenance.SourceSummary
def _r19__init__(self, sources, origins, copies, grades, state_media, newest, single_origin, judgments, cited=_MISSING):
    _r19_s_sources(self, sources)
    _r19_s_origins(self, origins)
    _r19_s_copies(self, copies)
    _r19_s_grades(self, grades)
    _r19_s_state_media(self, state_media)
    _r19_s_newest(self, newest)
    _r19_s_single_origin(self, single_origin)
    _r19_s_judgments(self, judgments)
    _r19_s_cited(self, cited)
def _r19__reduce__(self):
    return self.__class__, (self.sources, self.origins, self.copies, self.grades, self.state_media, self.newest, self.single_origin, self.judgments, self.cited, )

# vrmc_cli.analysis.query.BriefingView
def _r20__init__(self, briefing, key_judgments, sections, see_also):
    self.briefing = briefing
    self.key_judgments = key_judgments
    self.sections = sections
    self.see_also = see_also
def _r20__reduce__(self):
    return self.__class__, (self.briefing, self.key_judgments, self.sections, self.see_also, )

# vrmc_cli.analysis.query.Filter
def _r21__init__(self, themes=_MISSING, countries=_MISSING, actors=_MISSING, since=_MISSING, until=_MISSING, places=_MISSING, near=_MISSING, labels=_MISSING, event_days=_MISSING):
    self.themes = themes
    self.countries = countries
    self.actors = actors
    self.since = since
    self.until = until
    self.places = places
    self.near = near
    self.labels = labels
    self.event_days = event_days
def _r21__reduce__(self):
    return self.__class__, (self.themes, self.countries, self.actors, self.since, self.until, self.places, self.near, self.labels, self.event_days, )

# vrmc_cli.analysis.query.Named
def _r22__init__(self, entry, id, names, shown, spelled, written_id, plain=_MISSING):
    self.entry = entry
    self.id = id
    self.names = names
    self.shown = shown
    self.spelled = spelled
    self.written_id = written_id
    self.plain = plain
def _r22__reduce__(self):
    return self.__class__, (self.entry, self.id, self.names, self.shown, self.spelled, self.written_id, self.plain, )

# vrmc_cli.analysis.search.Hit
def _r23__init__(self, kind, group, ref, label, matches, when=_MISSING, label_ranges=_MISSING):
    _r23_s_kind(self, kind)
    _r23_s_group(self, group)
    _r23_s_ref(self, ref)
    _r23_s_label(self, label)
    _r23_s_matches(self, matches)
    _r23_s_when(self, when)
    _r23_s_label_ranges(self, label_ranges)
def _r23__reduce__(self):
    return self.__class__, (self.kind, self.group, self.ref, self.label, self.matches, self.when, self.label_ranges, )
def _r23__eq__(self, other):
    if other.__class__ is self.__class__:
        return (self.kind, self.group, self.ref, self.label, self.matches, self.when, self.label_ranges, ) == (other.kind, other.group, other.ref, other.label, other.matches, other.when, other.label_ranges, )
    return NotImplemented
def _r23__hash__(self):
    return hash((self.kind, self.group, self.ref, self.label, self.matches, self.when, self.label_ranges, ))

# vrmc_cli.analysis.search.Match
def _r24__init__(self, field, text, ranges):
    _r24_s_field(self, field)
    _r24_s_text(self, text)
    _r24_s_ranges(self, ranges)
def _r24__reduce__(self):
    return self.__class__, (self.field, self.text, self.ranges, )
def _r24__eq__(self, other):
    if other.__class__ is self.__class__:
        return (self.field, self.text, self.ranges, ) == (other.field, other.text, other.ranges, )
    return NotImplemented
def _r24__hash__(self):
    return hash((self.field, self.text, self.ranges, ))

# vrmc_cli.analysis.search.Squashed
def _r25__init__(self, text, origin, starts, ends):
    _r25_s_text(self, text)
    _r25_s_origin(self, origin)
    _r25_s_starts(self, starts)
    _r25_s_ends(self, ends)
def _r25__reduce__(self):
    return self.__class__, (self.text, self.origin, self.starts, self.ends, )

# vrmc_cli.analysis.signposts.Board
def _r26__init__(self, as_of, since, until, scenarios):
    _r26_s_as_of(self, as_of)
    _r26_s_since(self, since)
    _r26_s_until(self, until)
    _r26_s_scenarios(self, scenarios)
def _r26__reduce__(self):
    return self.__class__, (self.as_of, self.since, self.until, self.scenarios, )

# vrmc_cli.analysis.signposts.ScenarioWatch
def _r27__init__(self, scenario, indicators):
    _r27_s_scenario(self, scenario)
    _r27_s_indicators(self, indicators)
def _r27__reduce__(self):
    return self.__class__, (self.scenario, self.indicators, )

# vrmc_cli.analysis.signposts.Sign
def _r28__init__(self, event, signal):
    _r28_s_event(self, event)
    _r28_s_signal(self, signal)
def _r28__reduce__(self):
    return self.__class__, (self.event, self.signal, )

# vrmc_cli.analysis.signposts.Watched
def _r29__init__(self, indicator, signs, status, days_since, lapsed=_MISSING):
    _r29_s_indicator(self, indicator)
    _r29_s_signs(self, signs)
    _r29_s_status(self, status)
    _r29_s_days_since(self, days_since)
    _r29_s_lapsed(self, lapsed)
def _r29__reduce__(self):
    return self.__class__, (self.indicator, self.signs, self.status, self.days_since, self.lapsed, )

# vrmc_cli.commands.Argument
def _r30__init__(self, name, metavar, help, required=_MISSING, many=_MISSING, complete=_MISSING, choices=_MISSING, noun=_MISSING):
    _r30_s_name(self, name)
    _r30_s_metavar(self, metavar)
    _r30_s_help(self, help)
    _r30_s_required(self, required)
    _r30_s_many(self, many)
    _r30_s_complete(self, complete)
    _r30_s_choices(self, choices)
    _r30_s_noun(self, noun)
def _r30__reduce__(self):
    return self.__class__, (self.name, self.metavar, self.help, self.required, self.many, self.complete, self.choices, self.noun, )

# vrmc_cli.commands.Listed
def _r31__init__(self, corpus, kind, key, items):
    _r31_s_corpus(self, corpus)
    _r31_s_kind(self, kind)
    _r31_s_key(self, key)
    _r31_s_items(self, items)
def _r31__reduce__(self):
    return self.__class__, (self.corpus, self.kind, self.key, self.items, )

# vrmc_cli.commands.Option
def _r32__init__(self, name, flags, kind, help, metavar=_MISSING, complete=_MISSING, minimum=_MISSING, choices=_MISSING, noun=_MISSING):
    _r32_s_name(self, name)
    _r32_s_flags(self, flags)
    _r32_s_kind(self, kind)
    _r32_s_help(self, help)
    _r32_s_metavar(self, metavar)
    _r32_s_complete(self, complete)
    _r32_s_minimum(self, minimum)
    _r32_s_choices(self, choices)
    _r32_s_noun(self, noun)
def _r32__reduce__(self):
    return self.__class__, (self.name, self.flags, self.kind, self.help, self.metavar, self.complete, self.minimum, self.choices, self.noun, )

# vrmc_cli.commands.Result
def _r33__init__(self, selection, doc, data, columns=_MISSING, rows=_MISSING, notes=_MISSING, status=_MISSING, file=_MISSING, target=_MISSING, binary=_MISSING, listed=_MISSING):
    self.selection = selection
    self.doc = doc
    self.data = data
    self.columns = columns
    self.rows = rows
    self.notes = notes
    self.status = status
    self.file = file
    self.target = target
    self.binary = binary
    self.listed = listed
def _r33__reduce__(self):
    return self.__class__, (self.selection, self.doc, self.data, self.columns, self.rows, self.notes, self.status, self.file, self.target, self.binary, self.listed, )

# vrmc_cli.commands.Spec
def _r34__init__(self, name, help, examples, options=_MISSING, arguments=_MISSING, filters=_MISSING, gives=_MISSING):
    _r34_s_name(self, name)
    _r34_s_help(self, help)
    _r34_s_examples(self, examples)
    _r34_s_options(self, options)
    _r34_s_arguments(self, arguments)
    _r34_s_filters(self, filters)
    _r34_s_gives(self, gives)
def _r34__reduce__(self):
    return self.__class__, (self.name, self.help, self.examples, self.options, self.arguments, self.filters, self.gives, )

# vrmc_cli.commands.ach.Params
def _r35__init__(self, question, notes):
    _r35_s_question(self, question)
    _r35_s_notes(self, notes)
def _r35__reduce__(self):
    return self.__class__, (self.question, self.notes, )

# vrmc_cli.commands.actor.Params
def _r36__init__(self, name):
    _r36_s_name(self, name)
def _r36__reduce__(self):
    return self.__class__, (self.name, )

# vrmc_cli.commands.brief.Params
def _r37__init__(self, briefing):
    _r37_s_briefing(self, briefing)
def _r37__reduce__(self):
    return self.__class__, (self.briefing, )

# vrmc_cli.commands.chart.Params
def _r38__init__(self, what, by, split):
    _r38_s_what(self, what)
    _r38_s_by(self, by)
    _r38_s_split(self, split)
def _r38__reduce__(self):
    return self.__class__, (self.what, self.by, self.split, )

# vrmc_cli.commands.diff.Params
def _r39__init__(self, old, new):
    _r39_s_old(self, old)
    _r39_s_new(self, new)
def _r39__reduce__(self):
    return self.__class__, (self.old, self.new, )

# vrmc_cli.commands.export.Params
def _r40__init__(self, export_format, output):
    _r40_s_export_format(self, export_format)
    _r40_s_output(self, output)
def _r40__reduce__(self):
    return self.__class__, (self.export_format, self.output, )

# vrmc_cli.commands.graph.Params
def _r41__init__(self, depth):
    _r41_s_depth(self, depth)
def _r41__reduce__(self):
    return self.__class__, (self.depth, )

# vrmc_cli.commands.import_.Params
def _r42__init__(self, import_format, file, into, dry_run, map, layout, checked):
    _r42_s_import_format(self, import_format)
    _r42_s_file(self, file)
    _r42_s_into(self, into)
    _r42_s_dry_run(self, dry_run)
    _r42_s_map(self, map)
    _r42_s_layout(self, layout)
    _r42_s_checked(self, checked)
def _r42__reduce__(self):
    return self.__class__, (self.import_format, self.file, self.into, self.dry_run, self.map, self.layout, self.checked, )

# vrmc_cli.commands.init.Params
def _r43__init__(self, directory):
    _r43_s_directory(self, directory)
def _r43__reduce__(self):
    return self.__class__, (self.directory, )

# vrmc_cli.commands.judgments.Params
def _r44__init__(self, sort):
    _r44_s_sort(self, sort)
def _r44__reduce__(self):
    return self.__class__, (self.sort, )

# vrmc_cli.commands.places.Params
def _r45__init__(self, action, names, country, population):
    _r45_s_action(self, action)
    _r45_s_names(self, names)
    _r45_s_country(self, country)
    _r45_s_population(self, population)
def _r45__reduce__(self):
    return self.__class__, (self.action, self.names, self.country, self.population, )

# vrmc_cli.commands.report.Params
def _r46__init__(self, edition, sections, ids):
    _r46_s_edition(self, edition)
    _r46_s_sections(self, sections)
    _r46_s_ids(self, ids)
def _r46__reduce__(self):
    return self.__class__, (self.edition, self.sections, self.ids, )

# vrmc_cli.commands.search.Params
def _r47__init__(self, text, kind):
    _r47_s_text(self, text)
    _r47_s_kind(self, kind)
def _r47__reduce__(self):
    return self.__class__, (self.text, self.kind, )

# vrmc_cli.commands.timeline.Params
def _r48__init__(self, short, reverse, limit):
    _r48_s_short(self, short)
    _r48_s_reverse(self, reverse)
    _r48_s_limit(self, limit)
def _r48__reduce__(self):
    return self.__class__, (self.short, self.reverse, self.limit, )

# vrmc_cli.commands.transfers.Params
def _r49__init__(self, category):
    _r49_s_category(self, category)
def _r49__reduce__(self):
    return self.__class__, (self.category, )

# vrmc_cli.commands.validate.Params
def _r50__init__(self, paths, strict, fmt):
    _r50_s_paths(self, paths)
    _r50_s_strict(self, strict)
    _r50_s_fmt(self, fmt)
def _r50__reduce__(self):
    return self.__class__, (self.paths, self.strict, self.fmt, )

# vrmc_cli.core.dates.PartialDate
def _r51__init__(self, year, month=_MISSING, day=_MISSING):
    _r51_s_year(self, year)
    _r51_s_month(self, month)
    _r51_s_day(self, day)
def _r51__reduce__(self):
    return self.__class__, (self.year, self.month, self.day, )
def _r51__eq__(self, other):
    if other.__class__ is self.__class__:
        return (self.year, self.month, self.day, ) == (other.year, other.month, other.day, )
    return NotImplemented
def _r51__hash__(self):
    return hash((self.year, self.month, self.day, ))

# vrmc_cli.core.doc.Bullets
def _r52__init__(self, items, ordered=_MISSING):
    self.items = items
    self.ordered = ordered
def _r52__reduce__(self):
    return self.__class__, (self.items, self.ordered, )

# vrmc_cli.core.doc.Callout
def _r53__init__(self, title, blocks, tone=_MISSING):
    self.title = title
    self.blocks = blocks
    self.tone = tone
def _r53__reduce__(self):
    return self.__class__, (self.title, self.blocks, self.tone, )

# vrmc_cli.core.doc.Chart
def _r54__init__(self, title, series, bars, unit=_MISSING, rule=_MISSING):
    self.title = title
    self.series = series
    self.bars = bars
    self.unit = unit
    self.rule = rule
def _r54__reduce__(self):
    return self.__class__, (self.title, self.series, self.bars, self.unit, self.rule, )

# vrmc_cli.core.doc.Doc
def _r55__init__(self, title, blocks, running=_MISSING):
    self.title = title
    self.blocks = blocks
    self.running = running
def _r55__reduce__(self):
    return self.__class__, (self.title, self.blocks, self.running, )

# vrmc_cli.core.doc.Fields
def _r56__init__(self, pairs):
    self.pairs = pairs
def _r56__reduce__(self):
    return self.__class__, (self.pairs, )

# vrmc_cli.core.doc.Footnotes
def _r57__init__(self, title, level, notes, anchors=_MISSING):
    self.title = title
    self.level = level
    self.notes = notes
    self.anchors = anchors
def _r57__reduce__(self):
    return self.__class__, (self.title, self.level, self.notes, self.anchors, )

# vrmc_cli.core.doc.Heading
def _r58__init__(self, level, text, anchor=_MISSING):
    self.level = level
    self.text = text
    self.anchor = anchor
def _r58__reduce__(self):
    return self.__class__, (self.level, self.text, self.anchor, )

# vrmc_cli.core.doc.Item
def _r59__init__(self, spans, children=_MISSING, anchor=_MISSING):
    self.spans = spans
    self.children = children
    self.anchor = anchor
def _r59__reduce__(self):
    return self.__class__, (self.spans, self.children, self.anchor, )

# vrmc_cli.core.doc.Locator
def _r60__init__(self, title, spots, unit=_MISSING):
    self.title = title
    self.spots = spots
    self.unit = unit
def _r60__reduce__(self):
    return self.__class__, (self.title, self.spots, self.unit, )

# vrmc_cli.core.doc.Mark
def _r61__init__(self, day, label, anchor):
    self.day = day
    self.label = label
    self.anchor = anchor
def _r61__reduce__(self):
    return self.__class__, (self.day, self.label, self.anchor, )

# vrmc_cli.core.doc.Node
def _r62__init__(self, spans, children=_MISSING):
    self.spans = spans
    self.children = children
def _r62__reduce__(self):
    return self.__class__, (self.spans, self.children, )

# vrmc_cli.core.doc.Para
def _r63__init__(self, spans):
    self.spans = spans
def _r63__reduce__(self):
    return self.__class__, (self.spans, )

# vrmc_cli.core.doc.Span
def _r64__init__(self, text, style=_MISSING, url=_MISSING, anchor=_MISSING, cites=_MISSING):
    self.text = text
    self.style = style
    self.url = url
    self.anchor = anchor
    self.cites = cites
def _r64__reduce__(self):
    return self.__class__, (self.text, self.style, self.url, self.anchor, self.cites, )

# vrmc_cli.core.doc.Spot
def _r65__init__(self, latitude, longitude, label, count, anchor, country=_MISSING):
    self.latitude = latitude
    self.longitude = longitude
    self.label = label
    self.count = count
    self.anchor = anchor
    self.country = country
def _r65__reduce__(self):
    return self.__class__, (self.latitude, self.longitude, self.label, self.count, self.anchor, self.country, )

# vrmc_cli.core.doc.Strip
def _r66__init__(self, title, first_year, last_year, lanes):
    self.title = title
    self.first_year = first_year
    self.last_year = last_year
    self.lanes = lanes
def _r66__reduce__(self):
    return self.__class__, (self.title, self.first_year, self.last_year, self.lanes, )

# vrmc_cli.core.doc.Table
def _r67__init__(self, columns, rows, numeric=_MISSING, whole=_MISSING, anchors=_MISSING):
    self.columns = columns
    self.rows = rows
    self.numeric = numeric
    self.whole = whole
    self.anchors = anchors
def _r67__reduce__(self):
    return self.__class__, (self.columns, self.rows, self.numeric, self.whole, self.anchors, )

# vrmc_cli.core.doc.Tree
def _r68__init__(self, root, children=_MISSING):
    self.root = root
    self.children = children
def _r68__reduce__(self):
    return self.__class__, (self.root, self.children, )

# vrmc_cli.core.errors.Problem
def _r69__init__(self, path, line=_MISSING, column=_MISSING, message=_MISSING):
    _r69_s_path(self, path)
    _r69_s_line(self, line)
    _r69_s_column(self, column)
    _r69_s_message(self, message)
def _r69__reduce__(self):
    return self.__class__, (self.path, self.line, self.column, self.message, )
def _r69__eq__(self, other):
    if other.__class__ is self.__class__:
        return (self.path, self.line, self.column, self.message, ) == (other.path, other.line, other.column, other.message, )
    return NotImplemented
def _r69__hash__(self):
    return hash((self.path, self.line, self.column, self.message, ))
def _r69__lt__(self, other):
    if other.__class__ is self.__class__:
        return (self.path, self.line, self.column, self.message, ) < (other.path, other.line, other.column, other.message, )
    return NotImplemented
def _r69__le__(self, other):
    if other.__class__ is self.__class__:
        return (self.path, self.line, self.column, self.message, ) <= (other.path, other.line, other.column, other.message, )
    return NotImplemented
def _r69__gt__(self, other):
    if other.__class__ is self.__class__:
        return (self.path, self.line, self.column, self.message, ) > (other.path, other.line, other.column, other.message, )
    return NotImplemented
def _r69__ge__(self, other):
    if other.__class__ is self.__class__:
        return (self.path, self.line, self.column, self.message, ) >= (other.path, other.line, other.column, other.message, )
    return NotImplemented

# vrmc_cli.corpus.files.Fragment
def _r70__init__(self, path, records=_MISSING, problems=_MISSING, digest=_MISSING):
    self.path = path
    if records is _MISSING:
        records = _r70_f_records()
    self.records = records
    if problems is _MISSING:
        problems = _r70_f_problems()
    self.problems = problems
    self.digest = digest
def _r70__reduce__(self):
    return self.__class__, (self.path, self.records, self.problems, self.digest, )

# vrmc_cli.corpus.files.TopicFile
def _r71__init__(self, shown, real, size=_MISSING, mtime_ns=_MISSING, ctime_ns=_MISSING):
    _r71_s_shown(self, shown)
    _r71_s_real(self, real)
    _r71_s_size(self, size)
    _r71_s_mtime_ns(self, mtime_ns)
    _r71_s_ctime_ns(self, ctime_ns)
def _r71__reduce__(self):
    return self.__class__, (self.shown, self.real, self.size, self.mtime_ns, self.ctime_ns, )
def _r71__eq__(self, other):
    if other.__class__ is self.__class__:
        return (self.shown, self.real, self.size, self.mtime_ns, self.ctime_ns, ) == (other.shown, other.real, other.size, other.mtime_ns, other.ctime_ns, )
    return NotImplemented
def _r71__hash__(self):
    return hash((self.shown, self.real, self.size, self.mtime_ns, self.ctime_ns, ))

# vrmc_cli.corpus.kinds.Field
def _r72__init__(self, name, type, required=_MISSING, target=_MISSING, choices=_MISSING, attr=_MISSING, search=_MISSING, ids=_MISSING, aliases=_MISSING):
    _r72_s_name(self, name)
    _r72_s_type(self, type)
    _r72_s_required(self, required)
    _r72_s_target(self, target)
    _r72_s_choices(self, choices)
    _r72_s_attr(self, attr)
    _r72_s_search(self, search)
    _r72_s_ids(self, ids)
    _r72_s_aliases(self, aliases)
def _r72__reduce__(self):
    return self.__class__, (self.name, self.type, self.required, self.target, self.choices, self.attr, self.search, self.ids, self.aliases, )

# vrmc_cli.corpus.kinds.Kind
def _r73__init__(self, name, noun, model, fields, key=_MISSING, top=_MISSING, date_order=_MISSING, label=_MISSING):
    _r73_s_name(self, name)
    _r73_s_noun(self, noun)
    _r73_s_model(self, model)
    _r73_s_fields(self, fields)
    _r73_s_key(self, key)
    _r73_s_top(self, top)
    _r73_s_date_order(self, date_order)
    _r73_s_label(self, label)
def _r73__reduce__(self):
    return self.__class__, (self.name, self.noun, self.model, self.fields, self.key, self.top, self.date_order, self.label, )

# vrmc_cli.corpus.load.FieldSpec
def _r74__init__(self, read, required=_MISSING, plain=_MISSING, refs=_MISSING):
    self.read = read
    self.required = required
    self.plain = plain
    self.refs = refs
def _r74__reduce__(self):
    return self.__class__, (self.read, self.required, self.plain, self.refs, )

# vrmc_cli.corpus.model.Actor
def _r75__init__(self, id, name, kind, country=_MISSING, seat=_MISSING, aliases=_MISSING, roles=_MISSING, summary=_MISSING, stance=_MISSING, themes=_MISSING, sources=_MISSING):
    _r75_s_id(self, id)
    _r75_s_name(self, name)
    _r75_s_kind(self, kind)
    _r75_s_country(self, country)
    _r75_s_seat(self, seat)
    _r75_s_aliases(self, aliases)
    _r75_s_roles(self, roles)
    _r75_s_summary(self, summary)
    _r75_s_stance(self, stance)
    _r75_s_themes(self, themes)
    _r75_s_sources(self, sources)
def _r75__reduce__(self):
    return self.__class__, (self.id, self.name, self.kind, self.country, self.seat, self.aliases, self.roles, self.summary, self.stance, self.themes, self.sources, )

# vrmc_cli.corpus.model.Briefing
def _r76__init__(self, id, title, summary, themes, sections, key_judgments=_MISSING, see_also_ids=_MISSING, sources=_MISSING, order=_MISSING):
    _r76_s_id(self, id)
    _r76_s_title(self, title)
    _r76_s_summary(self, summary)
    _r76_s_themes(self, themes)
    _r76_s_sections(self, sections)
    _r76_s_key_judgments(self, key_judgments)
    _r76_s_see_also_ids(self, see_also_ids)
    _r76_s_sources(self, sources)
    _r76_s_order(self, order)
def _r76__reduce__(self):
    return self.__class__, (self.id, self.title, self.summary, self.themes, self.sections, self.key_judgments, self.see_also_ids, self.sources, self.order, )

# vrmc_cli.corpus.model.Corpus
def _r77__init__(self, topic, themes, countries, actors, events, briefings, sources, relations, transfers, scenarios, files=_MISSING, places=_MISSING, questions=_MISSING, hypotheses=_MISSING, theme_by_id=_MISSING, actor_by_id=_MISSING, briefing_by_id=_MISSING, country_by_code=_MISSING):
    _r77_s_topic(self, topic)
    _r77_s_themes(self, themes)
    _r77_s_countries(self, countries)
    _r77_s_actors(self, actors)
    _r77_s_events(self, events)
    _r77_s_briefings(self, briefings)
    _r77_s_sources(self, sources)
    _r77_s_relations(self, relations)
    _r77_s_transfers(self, transfers)
    _r77_s_scenarios(self, scenarios)
    _r77_s_files(self, files)
    _r77_s_places(self, places)
    _r77_s_questions(self, questions)
    _r77_s_hypotheses(self, hypotheses)
    if theme_by_id is _MISSING:
        theme_by_id = _r77_f_theme_by_id()
    _r77_s_theme_by_id(self, theme_by_id)
    if actor_by_id is _MISSING:
        actor_by_id = _r77_f_actor_by_id()
    _r77_s_actor_by_id(self, actor_by_id)
    if briefing_by_id is _MISSING:
        briefing_by_id = _r77_f_briefing_by_id()
    _r77_s_briefing_by_id(self, briefing_by_id)
    if country_by_code is _MISSING:
        country_by_code = _r77_f_country_by_code()
    _r77_s_country_by_code(self, country_by_code)
def _r77__reduce__(self):
    return self.__class__, (self.topic, self.themes, self.countries, self.actors, self.events, self.briefings, self.sources, self.relations, self.transfers, self.scenarios, self.files, self.places, self.questions, self.hypotheses, self.theme_by_id, self.actor_by_id, self.briefing_by_id, self.country_by_code, )

# vrmc_cli.corpus.model.Country
def _r78__init__(self, code, name, aliases=_MISSING, region=_MISSING):
    _r78_s_code(self, code)
    _r78_s_name(self, name)
    _r78_s_aliases(self, aliases)
    _r78_s_region(self, region)
def _r78__reduce__(self):
    return self.__class__, (self.code, self.name, self.aliases, self.region, )

# vrmc_cli.corpus.model.Event
def _r79__init__(self, id, date, title, themes, end=_MISSING, circa=_MISSING, display_date=_MISSING, summary=_MISSING, countries=_MISSING, actors=_MISSING, sources=_MISSING, confidence=_MISSING, credibility=_MISSING, signals=_MISSING, consistency=_MISSING, relevance=_MISSING, disputed=_MISSING, status=_MISSING, places=_MISSING, origin=_MISSING, destination=_MISSING):
    _r79_s_id(self, id)
    _r79_s_date(self, date)
    _r79_s_title(self, title)
    _r79_s_themes(self, themes)
    _r79_s_end(self, end)
    _r79_s_circa(self, circa)
    _r79_s_display_date(self, display_date)
    _r79_s_summary(self, summary)
    _r79_s_countries(self, countries)
    _r79_s_actors(self, actors)
    _r79_s_sources(self, sources)
    _r79_s_confidence(self, confidence)
    _r79_s_credibility(self, credibility)
    _r79_s_signals(self, signals)
    _r79_s_consistency(self, consistency)
    _r79_s_relevance(self, relevance)
    _r79_s_disputed(self, disputed)
    _r79_s_status(self, status)
    _r79_s_places(self, places)
    _r79_s_origin(self, origin)
    _r79_s_destination(self, destination)
def _r79__reduce__(self):
    return self.__class__, (self.id, self.date, self.title, self.themes, self.end, self.circa, self.display_date, self.summary, self.countries, self.actors, self.sources, self.confidence, self.credibility, self.signals, self.consistency, self.relevance, self.disputed, self.status, self.places, self.origin, self.destination, )

# vrmc_cli.corpus.model.Hypothesis
def _r80__init__(self, id, question, statement, scenario=_MISSING):
    _r80_s_id(self, id)
    _r80_s_question(self, question)
    _r80_s_statement(self, statement)
    _r80_s_scenario(self, scenario)
def _r80__reduce__(self):
    return self.__class__, (self.id, self.question, self.statement, self.scenario, )

# vrmc_cli.corpus.model.Indicator
def _r81__init__(self, text, id=_MISSING, counts=_MISSING, deadline=_MISSING, horizon=_MISSING, type=_MISSING, criteria=_MISSING):
    _r81_s_text(self, text)
    _r81_s_id(self, id)
    _r81_s_counts(self, counts)
    _r81_s_deadline(self, deadline)
    _r81_s_horizon(self, horizon)
    _r81_s_type(self, type)
    _r81_s_criteria(self, criteria)
def _r81__reduce__(self):
    return self.__class__, (self.text, self.id, self.counts, self.deadline, self.horizon, self.type, self.criteria, )

# vrmc_cli.corpus.model.KeyJudgment
def _r82__init__(self, text, likelihood=_MISSING, confidence=_MISSING, basis=_MISSING, themes=_MISSING, countries=_MISSING, actors=_MISSING, sources=_MISSING, inherited_themes=_MISSING, id=_MISSING):
    _r82_s_text(self, text)
    _r82_s_likelihood(self, likelihood)
    _r82_s_confidence(self, confidence)
    _r82_s_basis(self, basis)
    _r82_s_themes(self, themes)
    _r82_s_countries(self, countries)
    _r82_s_actors(self, actors)
    _r82_s_sources(self, sources)
    _r82_s_inherited_themes(self, inherited_themes)
    _r82_s_id(self, id)
def _r82__reduce__(self):
    return self.__class__, (self.text, self.likelihood, self.confidence, self.basis, self.themes, self.countries, self.actors, self.sources, self.inherited_themes, self.id, )

# vrmc_cli.corpus.model.Place
def _r83__init__(self, id, name, latitude, longitude, aliases=_MISSING, country=_MISSING, precision=_MISSING, gazetteer=_MISSING, sources=_MISSING):
    _r83_s_id(self, id)
    _r83_s_name(self, name)
    _r83_s_latitude(self, latitude)
    _r83_s_longitude(self, longitude)
    _r83_s_aliases(self, aliases)
    _r83_s_country(self, country)
    _r83_s_precision(self, precision)
    _r83_s_gazetteer(self, gazetteer)
    _r83_s_sources(self, sources)
def _r83__reduce__(self):
    return self.__class__, (self.id, self.name, self.latitude, self.longitude, self.aliases, self.country, self.precision, self.gazetteer, self.sources, )

# vrmc_cli.corpus.model.Point
def _r84__init__(self, text, themes=_MISSING, countries=_MISSING, actors=_MISSING, sources=_MISSING, confidence=_MISSING, credibility=_MISSING, consistency=_MISSING, relevance=_MISSING, id=_MISSING, inherited_themes=_MISSING):
    _r84_s_text(self, text)
    _r84_s_themes(self, themes)
    _r84_s_countries(self, countries)
    _r84_s_actors(self, actors)
    _r84_s_sources(self, sources)
    _r84_s_confidence(self, confidence)
    _r84_s_credibility(self, credibility)
    _r84_s_consistency(self, consistency)
    _r84_s_relevance(self, relevance)
    _r84_s_id(self, id)
    _r84_s_inherited_themes(self, inherited_themes)
def _r84__reduce__(self):
    return self.__class__, (self.text, self.themes, self.countries, self.actors, self.sources, self.confidence, self.credibility, self.consistency, self.relevance, self.id, self.inherited_themes, )

# vrmc_cli.corpus.model.Question
def _r85__init__(self, id, text, summary=_MISSING):
    _r85_s_id(self, id)
    _r85_s_text(self, text)
    _r85_s_summary(self, summary)
def _r85__reduce__(self):
    return self.__class__, (self.id, self.text, self.summary, )

# vrmc_cli.corpus.model.Range
def _r86__init__(self, low, high):
    _r86_s_low(self, low)
    _r86_s_high(self, high)
def _r86__reduce__(self):
    return self.__class__, (self.low, self.high, )
def _r86__eq__(self, other):
    if other.__class__ is self.__class__:
        return (self.low, self.high, ) == (other.low, other.high, )
    return NotImplemented
def _r86__hash__(self):
    return hash((self.low, self.high, ))

# vrmc_cli.corpus.model.Rating
def _r87__init__(self, hypothesis, rating, note=_MISSING, analyst=_MISSING, analysts=_MISSING):
    _r87_s_hypothesis(self, hypothesis)
    _r87_s_rating(self, rating)
    _r87_s_note(self, note)
    _r87_s_analyst(self, analyst)
    _r87_s_analysts(self, analysts)
def _r87__reduce__(self):
    return self.__class__, (self.hypothesis, self.rating, self.note, self.analyst, self.analysts, )

# vrmc_cli.corpus.model.Relation
def _r88__init__(self, source, target, kind, since=_MISSING, until=_MISSING, summary=_MISSING, sources=_MISSING):
    _r88_s_source(self, source)
    _r88_s_target(self, target)
    _r88_s_kind(self, kind)
    _r88_s_since(self, since)
    _r88_s_until(self, until)
    _r88_s_summary(self, summary)
    _r88_s_sources(self, sources)
def _r88__reduce__(self):
    return self.__class__, (self.source, self.target, self.kind, self.since, self.until, self.summary, self.sources, )

# vrmc_cli.corpus.model.Role
def _r89__init__(self, title, start=_MISSING, end=_MISSING):
    _r89_s_title(self, title)
    _r89_s_start(self, start)
    _r89_s_end(self, end)
def _r89__reduce__(self):
    return self.__class__, (self.title, self.start, self.end, )

# vrmc_cli.corpus.model.Scenario
def _r90__init__(self, id, title, summary, likelihood=_MISSING, horizon=_MISSING, drivers=_MISSING, indicators=_MISSING, themes=_MISSING, countries=_MISSING):
    _r90_s_id(self, id)
    _r90_s_title(self, title)
    _r90_s_summary(self, summary)
    _r90_s_likelihood(self, likelihood)
    _r90_s_horizon(self, horizon)
    _r90_s_drivers(self, drivers)
    _r90_s_indicators(self, indicators)
    _r90_s_themes(self, themes)
    _r90_s_countries(self, countries)
def _r90__reduce__(self):
    return self.__class__, (self.id, self.title, self.summary, self.likelihood, self.horizon, self.drivers, self.indicators, self.themes, self.countries, )

# vrmc_cli.corpus.model.Section
def _r91__init__(self, heading, points):
    _r91_s_heading(self, heading)
    _r91_s_points(self, points)
def _r91__reduce__(self):
    return self.__class__, (self.heading, self.points, )

# vrmc_cli.corpus.model.Signal
def _r92__init__(self, indicator, direction, note=_MISSING):
    _r92_s_indicator(self, indicator)
    _r92_s_direction(self, direction)
    _r92_s_note(self, note)
def _r92__reduce__(self):
    return self.__class__, (self.indicator, self.direction, self.note, )

# vrmc_cli.corpus.model.Source
def _r93__init__(self, id, title, publisher=_MISSING, url=_MISSING, published=_MISSING, kind=_MISSING, reliability=_MISSING, accessed=_MISSING, archive_url=_MISSING, origin=_MISSING, via=_MISSING, state_media=_MISSING, origin_basis=_MISSING):
    _r93_s_id(self, id)
    _r93_s_title(self, title)
    _r93_s_publisher(self, publisher)
    _r93_s_url(self, url)
    _r93_s_published(self, published)
    _r93_s_kind(self, kind)
    _r93_s_reliability(self, reliability)
    _r93_s_accessed(self, accessed)
    _r93_s_archive_url(self, archive_url)
    _r93_s_origin(self, origin)
    _r93_s_via(self, via)
    _r93_s_state_media(self, state_media)
    _r93_s_origin_basis(self, origin_basis)
def _r93__reduce__(self):
    return self.__class__, (self.id, self.title, self.publisher, self.url, self.published, self.kind, self.reliability, self.accessed, self.archive_url, self.origin, self.via, self.state_media, self.origin_basis, )

# vrmc_cli.corpus.model.Theme
def _r94__init__(self, id, title, description=_MISSING, parent=_MISSING):
    _r94_s_id(self, id)
    _r94_s_title(self, title)
    _r94_s_description(self, description)
    _r94_s_parent(self, parent)
def _r94__reduce__(self):
    return self.__class__, (self.id, self.title, self.description, self.parent, )

# vrmc_cli.corpus.model.Topic
def _r95__init__(self, title, subtitle=_MISSING, summary=_MISSING, as_of=_MISSING):
    _r95_s_title(self, title)
    _r95_s_subtitle(self, subtitle)
    _r95_s_summary(self, summary)
    _r95_s_as_of(self, as_of)
def _r95__reduce__(self):
    return self.__class__, (self.title, self.subtitle, self.summary, self.as_of, )

# vrmc_cli.corpus.model.Transfer
def _r96__init__(self, id, supplier, recipient, designation, category, description=_MISSING, ordered=_MISSING, delivered_from=_MISSING, delivered_to=_MISSING, quantity_ordered=_MISSING, quantity_delivered=_MISSING, value_usd=_MISSING, status=_MISSING, sources=_MISSING, notes=_MISSING, disputed=_MISSING, places=_MISSING):
    _r96_s_id(self, id)
    _r96_s_supplier(self, supplier)
    _r96_s_recipient(self, recipient)
    _r96_s_designation(self, designation)
    _r96_s_category(self, category)
    _r96_s_description(self, description)
    _r96_s_ordered(self, ordered)
    _r96_s_delivered_from(self, delivered_from)
    _r96_s_delivered_to(self, delivered_to)
    _r96_s_quantity_ordered(self, quantity_ordered)
    _r96_s_quantity_delivered(self, quantity_delivered)
    _r96_s_value_usd(self, value_usd)
    _r96_s_status(self, status)
    _r96_s_sources(self, sources)
    _r96_s_notes(self, notes)
    _r96_s_disputed(self, disputed)
    _r96_s_places(self, places)
def _r96__reduce__(self):
    return self.__class__, (self.id, self.supplier, self.recipient, self.designation, self.category, self.description, self.ordered, self.delivered_from, self.delivered_to, self.quantity_ordered, self.quantity_delivered, self.value_usd, self.status, self.sources, self.notes, self.disputed, self.places, )

# vrmc_cli.corpus.origins.Origins
def _r97__init__(self, ids=_MISSING, names=_MISSING):
    _r97_s_ids(self, ids)
    _r97_s_names(self, names)
def _r97__reduce__(self):
    return self.__class__, (self.ids, self.names, )

# vrmc_cli.importers.Context
def _r98__init__(self, ids, source_urls, countries, actors, has_topic=_MISSING, corpus_ids=_MISSING):
    self.ids = ids
    self.source_urls = source_urls
    self.countries = countries
    self.actors = actors
    self.has_topic = has_topic
    self.corpus_ids = corpus_ids
def _r98__reduce__(self):
    return self.__class__, (self.ids, self.source_urls, self.countries, self.actors, self.has_topic, self.corpus_ids, )

# vrmc_cli.importers.html_text.Link
def _r99__init__(self, url, text):
    _r99_s_url(self, url)
    _r99_s_text(self, text)
def _r99__reduce__(self):
    return self.__class__, (self.url, self.text, )

# vrmc_cli.importers.html_text.PlainText
def _r100__init__(self, text, links, dropped):
    self.text = text
    self.links = links
    self.dropped = dropped
def _r100__reduce__(self):
    return self.__class__, (self.text, self.links, self.dropped, )

# vrmc_cli.render.Options
def _r101__init__(self, heading_level=_MISSING, width=_MISSING, color=_MISSING, color_system=_MISSING, citations=_MISSING, images=_MISSING, cache=_MISSING):
    self.heading_level = heading_level
    self.width = width
    self.color = color
    self.color_system = color_system
    self.citations = citations
    self.images = images
    self.cache = cache
def _r101__reduce__(self):
    return self.__class__, (self.heading_level, self.width, self.color, self.color_system, self.citations, self.images, self.cache, )

# vrmc_cli.render.Renderer
def _r102__init__(self, needs, what, extensions=_MISSING, binary=_MISSING):
    _r102_s_needs(self, needs)
    _r102_s_what(self, what)
    _r102_s_extensions(self, extensions)
    _r102_s_binary(self, binary)
def _r102__reduce__(self):
    return self.__class__, (self.needs, self.what, self.extensions, self.binary, )
def _r102__eq__(self, other):
    if other.__class__ is self.__class__:
        return (self.needs, self.what, self.extensions, self.binary, ) == (other.needs, other.what, other.extensions, other.binary, )
    return NotImplemented
def _r102__hash__(self):
    return hash((self.needs, self.what, self.extensions, self.binary, ))

# vrmc_cli.runner.Look
def _r103__init__(self, fmt=_MISSING, heading_level=_MISSING, no_pager=_MISSING, output=_MISSING, citations=_MISSING, protect=_MISSING, use_cache=_MISSING):
    self.fmt = fmt
    self.heading_level = heading_level
    self.no_pager = no_pager
    self.output = output
    self.citations = citations
    self.protect = protect
    self.use_cache = use_cache
def _r103__reduce__(self):
    return self.__class__, (self.fmt, self.heading_level, self.no_pager, self.output, self.citations, self.protect, self.use_cache, )

# vrmc_cli.runner.State
def _r104__init__(self, roots=_MISSING, use_cache=_MISSING, debug=_MISSING):
    self.roots = roots
    self.use_cache = use_cache
    self.debug = debug
def _r104__reduce__(self):
    return self.__class__, (self.roots, self.use_cache, self.debug, )

# vrmc_cli.views.report.Report
def _r105__init__(self, topic, labels, briefings, events, actors, transfers, scenarios, board, analyses, bibliography, cite=_MISSING, ids=_MISSING, edition=_MISSING, relations=_MISSING):
    _r105_s_topic(self, topic)
    _r105_s_labels(self, labels)
    _r105_s_briefings(self, briefings)
    _r105_s_events(self, events)
    _r105_s_actors(self, actors)
    _r105_s_transfers(self, transfers)
    _r105_s_scenarios(self, scenarios)
    _r105_s_board(self, board)
    _r105_s_analyses(self, analyses)
    _r105_s_bibliography(self, bibliography)
    _r105_s_cite(self, cite)
    _r105_s_ids(self, ids)
    _r105_s_edition(self, edition)
    _r105_s_relations(self, relations)
def _r105__reduce__(self):
    return self.__class__, (self.topic, self.labels, self.briefings, self.events, self.actors, self.transfers, self.scenarios, self.board, self.analyses, self.bibliography, self.cite, self.ids, self.edition, self.relations, )

# vrmc_cli.views.report.Section
def _r106__init__(self, key, title, build):
    _r106_s_key(self, key)
    _r106_s_title(self, title)
    _r106_s_build(self, build)
def _r106__reduce__(self):
    return self.__class__, (self.key, self.title, self.build, )

METHODS = {
    ('vrmc_cli.analysis.ach', 'Analysis'): ('F:question,hypotheses,evidence,scores,coverage,sensitivity,disagreements,analysts', '_r0', {'__init__': _r0__init__, '__reduce__': _r0__reduce__}),
    ('vrmc_cli.analysis.ach', 'Change'): ('F:evidence,hypothesis,before,after,leaders', '_r1', {'__init__': _r1__init__, '__reduce__': _r1__reduce__}),
    ('vrmc_cli.analysis.ach', 'Coverage'): ('F:hypothesis,rated,applicable,not_applicable,consistent,neutral,inconsistent,very_inconsistent', '_r2', {'__init__': _r2__init__, '__reduce__': _r2__reduce__}),
    ('vrmc_cli.analysis.ach', 'Disagreement'): ('F:evidence,hypothesis,ratings', '_r3', {'__init__': _r3__init__, '__reduce__': _r3__reduce__}),
    ('vrmc_cli.analysis.ach', 'Evidence'): ('F:number,item,briefing,grade,credibility,relevance,ratings,diagnosticity', '_r4', {'__init__': _r4__init__, '__reduce__': _r4__reduce__}),
    ('vrmc_cli.analysis.ach', 'Score'): ('F:hypothesis,inconsistent,very_inconsistent,score,rank', '_r5', {'__init__': _r5__init__, '__reduce__': _r5__reduce__}),
    ('vrmc_cli.analysis.ach', 'Sensitivity'): ('F:leaders,changes,removals,lead_changes', '_r6', {'__init__': _r6__init__, '__reduce__': _r6__reduce__}),
    ('vrmc_cli.analysis.changes', 'ChangedEntry'): ('F:key,label,fields', '_r7', {'__init__': _r7__init__, '__reduce__': _r7__reduce__}),
    ('vrmc_cli.analysis.changes', 'CorpusDiff'): ('F:old,new,notices,kinds', '_r8', {'__init__': _r8__init__, '__reduce__': _r8__reduce__}),
    ('vrmc_cli.analysis.changes', 'FieldChange'): ('F:path,before,after', '_r9', {'__init__': _r9__init__, '__reduce__': _r9__reduce__}),
    ('vrmc_cli.analysis.changes', 'KindChanges'): ('F:kind,title,added,removed,changed', '_r10', {'__init__': _r10__init__, '__reduce__': _r10__reduce__}),
    ('vrmc_cli.analysis.changes', 'Notice'): ('F:what,key,parts,before=,after=', '_r11', {'__init__': _r11__init__, '__reduce__': _r11__reduce__}),
    ('vrmc_cli.analysis.counts', 'CountryCount'): (':country,events,actors,transfers', '_r12', {'__init__': _r12__init__, '__reduce__': _r12__reduce__}),
    ('vrmc_cli.analysis.counts', 'PlaceCount'): ('F:place,events,transfers,first,last', '_r13', {'__init__': _r13__init__, '__reduce__': _r13__reduce__}),
    ('vrmc_cli.analysis.counts', 'SourceCount'): (':source,citations', '_r14', {'__init__': _r14__init__, '__reduce__': _r14__reduce__}),
    ('vrmc_cli.analysis.counts', 'ThemeCount'): (':theme,depth,events,points', '_r15', {'__init__': _r15__init__, '__reduce__': _r15__reduce__}),
    ('vrmc_cli.analysis.outlines', 'Layout'): ('F:width,height,shapes,marks', '_r16', {'__init__': _r16__init__, '__reduce__': _r16__reduce__}),
    ('vrmc_cli.analysis.outlines', 'Placed'): ('F:spot,x,y,r,label', '_r17', {'__init__': _r17__init__, '__reduce__': _r17__reduce__}),
    ('vrmc_cli.analysis.outlines', 'Shape'): ('F:code,rings,holes,marked', '_r18', {'__init__': _r18__init__, '__reduce__': _r18__reduce__}),
    ('vrmc_cli.analysis.provenance', 'SourceSummary'): ('F:sources,origins,copies,grades,state_media,newest,single_origin,judgments,cited=', '_r19', {'__init__': _r19__init__, '__reduce__': _r19__reduce__}),
    ('vrmc_cli.analysis.query', 'BriefingView'): (':briefing,key_judgments,sections,see_also', '_r20', {'__init__': _r20__init__, '__reduce__': _r20__reduce__}),
    ('vrmc_cli.analysis.query', 'Filter'): (':themes=,countries=,actors=,since=,until=,places=,near=,labels=,event_days=', '_r21', {'__init__': _r21__init__, '__reduce__': _r21__reduce__}),
    ('vrmc_cli.analysis.query', 'Named'): (':entry,id,names,shown,spelled,written_id,plain=', '_r22', {'__init__': _r22__init__, '__reduce__': _r22__reduce__}),
    ('vrmc_cli.analysis.search', 'Hit'): ('FE:kind,group,ref,label,matches,when=,label_ranges=', '_r23', {'__init__': _r23__init__, '__reduce__': _r23__reduce__, '__eq__': _r23__eq__, '__hash__': _r23__hash__}),
    ('vrmc_cli.analysis.search', 'Match'): ('FE:field,text,ranges', '_r24', {'__init__': _r24__init__, '__reduce__': _r24__reduce__, '__eq__': _r24__eq__, '__hash__': _r24__hash__}),
    ('vrmc_cli.analysis.search', 'Squashed'): ('F:text,origin,starts,ends', '_r25', {'__init__': _r25__init__, '__reduce__': _r25__reduce__}),
    ('vrmc_cli.analysis.signposts', 'Board'): ('F:as_of,since,until,scenarios', '_r26', {'__init__': _r26__init__, '__reduce__': _r26__reduce__}),
    ('vrmc_cli.analysis.signposts', 'ScenarioWatch'): ('F:scenario,indicators', '_r27', {'__init__': _r27__init__, '__reduce__': _r27__reduce__}),
    ('vrmc_cli.analysis.signposts', 'Sign'): ('F:event,signal', '_r28', {'__init__': _r28__init__, '__reduce__': _r28__reduce__}),
    ('vrmc_cli.analysis.signposts', 'Watched'): ('F:indicator,signs,status,days_since,lapsed=', '_r29', {'__init__': _r29__init__, '__reduce__': _r29__reduce__}),
    ('vrmc_cli.commands', 'Argument'): ('F:name,metavar,help,required=,many=,complete=,choices=,noun=', '_r30', {'__init__': _r30__init__, '__reduce__': _r30__reduce__}),
    ('vrmc_cli.commands', 'Listed'): ('F:corpus,kind,key,items', '_r31', {'__init__': _r31__init__, '__reduce__': _r31__reduce__}),
    ('vrmc_cli.commands', 'Option'): ('F:name,flags,kind,help,metavar=,complete=,minimum=,choices=,noun=', '_r32', {'__init__': _r32__init__, '__reduce__': _r32__reduce__}),
    ('vrmc_cli.commands', 'Result'): (':selection,doc,data,columns=,rows=,notes=,status=,file=,target=,binary=,listed=', '_r33', {'__init__': _r33__init__, '__reduce__': _r33__reduce__}),
    ('vrmc_cli.commands', 'Spec'): ('F:name,help,examples,options=,arguments=,filters=,gives=', '_r34', {'__init__': _r34__init__, '__reduce__': _r34__reduce__}),
    ('vrmc_cli.commands.ach', 'Params'): ('F:question,notes', '_r35', {'__init__': _r35__init__, '__reduce__': _r35__reduce__}),
    ('vrmc_cli.commands.actor', 'Params'): ('F:name', '_r36', {'__init__': _r36__init__, '__reduce__': _r36__reduce__}),
    ('vrmc_cli.commands.brief', 'Params'): ('F:briefing', '_r37', {'__init__': _r37__init__, '__reduce__': _r37__reduce__}),
    ('vrmc_cli.commands.chart', 'Params'): ('F:what,by,split', '_r38', {'__init__': _r38__init__, '__reduce__': _r38__reduce__}),
    ('vrmc_cli.commands.diff', 'Params'): ('F:old,new', '_r39', {'__init__': _r39__init__, '__reduce__': _r39__reduce__}),
    ('vrmc_cli.commands.export', 'Params'): ('F:export_format,output', '_r40', {'__init__': _r40__init__, '__reduce__': _r40__reduce__}),
    ('vrmc_cli.commands.graph', 'Params'): ('F:depth', '_r41', {'__init__': _r41__init__, '__reduce__': _r41__reduce__}),
    ('vrmc_cli.commands.import_', 'Params'): ('F:import_format,file,into,dry_run,map,layout,checked', '_r42', {'__init__': _r42__init__, '__reduce__': _r42__reduce__}),
    ('vrmc_cli.commands.init', 'Params'): ('F:directory', '_r43', {'__init__': _r43__init__, '__reduce__': _r43__reduce__}),
    ('vrmc_cli.commands.judgments', 'Params'): ('F:sort', '_r44', {'__init__': _r44__init__, '__reduce__': _r44__reduce__}),
    ('vrmc_cli.commands.places', 'Params'): ('F:action,names,country,population', '_r45', {'__init__': _r45__init__, '__reduce__': _r45__reduce__}),
    ('vrmc_cli.commands.report', 'Params'): ('F:edition,sections,ids', '_r46', {'__init__': _r46__init__, '__reduce__': _r46__reduce__}),
    ('vrmc_cli.commands.search', 'Params'): ('F:text,kind', '_r47', {'__init__': _r47__init__, '__reduce__': _r47__reduce__}),
    ('vrmc_cli.commands.timeline', 'Params'): ('F:short,reverse,limit', '_r48', {'__init__': _r48__init__, '__reduce__': _r48__reduce__}),
    ('vrmc_cli.commands.transfers', 'Params'): ('F:category', '_r49', {'__init__': _r49__init__, '__reduce__': _r49__reduce__}),
    ('vrmc_cli.commands.validate', 'Params'): ('F:paths,strict,fmt', '_r50', {'__init__': _r50__init__, '__reduce__': _r50__reduce__}),
    ('vrmc_cli.core.dates', 'PartialDate'): ('FE:year,month=,day=', '_r51', {'__init__': _r51__init__, '__reduce__': _r51__reduce__, '__eq__': _r51__eq__, '__hash__': _r51__hash__}),
    ('vrmc_cli.core.doc', 'Bullets'): (':items,ordered=', '_r52', {'__init__': _r52__init__, '__reduce__': _r52__reduce__}),
    ('vrmc_cli.core.doc', 'Callout'): (':title,blocks,tone=', '_r53', {'__init__': _r53__init__, '__reduce__': _r53__reduce__}),
    ('vrmc_cli.core.doc', 'Chart'): (':title,series,bars,unit=,rule=', '_r54', {'__init__': _r54__init__, '__reduce__': _r54__reduce__}),
    ('vrmc_cli.core.doc', 'Doc'): (':title,blocks,running=', '_r55', {'__init__': _r55__init__, '__reduce__': _r55__reduce__}),
    ('vrmc_cli.core.doc', 'Fields'): (':pairs', '_r56', {'__init__': _r56__init__, '__reduce__': _r56__reduce__}),
    ('vrmc_cli.core.doc', 'Footnotes'): (':title,level,notes,anchors=', '_r57', {'__init__': _r57__init__, '__reduce__': _r57__reduce__}),
    ('vrmc_cli.core.doc', 'Heading'): (':level,text,anchor=', '_r58', {'__init__': _r58__init__, '__reduce__': _r58__reduce__}),
    ('vrmc_cli.core.doc', 'Item'): (':spans,children=,anchor=', '_r59', {'__init__': _r59__init__, '__reduce__': _r59__reduce__}),
    ('vrmc_cli.core.doc', 'Locator'): (':title,spots,unit=', '_r60', {'__init__': _r60__init__, '__reduce__': _r60__reduce__}),
    ('vrmc_cli.core.doc', 'Mark'): (':day,label,anchor', '_r61', {'__init__': _r61__init__, '__reduce__': _r61__reduce__}),
    ('vrmc_cli.core.doc', 'Node'): (':spans,children=', '_r62', {'__init__': _r62__init__, '__reduce__': _r62__reduce__}),
    ('vrmc_cli.core.doc', 'Para'): (':spans', '_r63', {'__init__': _r63__init__, '__reduce__': _r63__reduce__}),
    ('vrmc_cli.core.doc', 'Span'): (':text,style=,url=,anchor=,cites=', '_r64', {'__init__': _r64__init__, '__reduce__': _r64__reduce__}),
    ('vrmc_cli.core.doc', 'Spot'): (':latitude,longitude,label,count,anchor,country=', '_r65', {'__init__': _r65__init__, '__reduce__': _r65__reduce__}),
    ('vrmc_cli.core.doc', 'Strip'): (':title,first_year,last_year,lanes', '_r66', {'__init__': _r66__init__, '__reduce__': _r66__reduce__}),
    ('vrmc_cli.core.doc', 'Table'): (':columns,rows,numeric=,whole=,anchors=', '_r67', {'__init__': _r67__init__, '__reduce__': _r67__reduce__}),
    ('vrmc_cli.core.doc', 'Tree'): (':root,children=', '_r68', {'__init__': _r68__init__, '__reduce__': _r68__reduce__}),
    ('vrmc_cli.core.errors', 'Problem'): ('FEO:path,line=,column=,message=', '_r69', {'__init__': _r69__init__, '__reduce__': _r69__reduce__, '__eq__': _r69__eq__, '__hash__': _r69__hash__, '__lt__': _r69__lt__, '__le__': _r69__le__, '__gt__': _r69__gt__, '__ge__': _r69__ge__}),
    ('vrmc_cli.corpus.files', 'Fragment'): (':path,records(),problems(),digest=', '_r70', {'__init__': _r70__init__, '__reduce__': _r70__reduce__}),
    ('vrmc_cli.corpus.files', 'TopicFile'): ('FE:shown,real,size=,mtime_ns=,ctime_ns=', '_r71', {'__init__': _r71__init__, '__reduce__': _r71__reduce__, '__eq__': _r71__eq__, '__hash__': _r71__hash__}),
    ('vrmc_cli.corpus.kinds', 'Field'): ('F:name,type,required=,target=,choices=,attr=,search=,ids=,aliases=', '_r72', {'__init__': _r72__init__, '__reduce__': _r72__reduce__}),
    ('vrmc_cli.corpus.kinds', 'Kind'): ('F:name,noun,model,fields,key=,top=,date_order=,label=', '_r73', {'__init__': _r73__init__, '__reduce__': _r73__reduce__}),
    ('vrmc_cli.corpus.load', 'FieldSpec'): (':read,required=,plain=,refs=', '_r74', {'__init__': _r74__init__, '__reduce__': _r74__reduce__}),
    ('vrmc_cli.corpus.model', 'Actor'): ('F:id,name,kind,country=,seat=,aliases=,roles=,summary=,stance=,themes=,sources=', '_r75', {'__init__': _r75__init__, '__reduce__': _r75__reduce__}),
    ('vrmc_cli.corpus.model', 'Briefing'): ('F:id,title,summary,themes,sections,key_judgments=,see_also_ids=,sources=,order=', '_r76', {'__init__': _r76__init__, '__reduce__': _r76__reduce__}),
    ('vrmc_cli.corpus.model', 'Corpus'): ('F:topic,themes,countries,actors,events,briefings,sources,relations,transfers,scenarios,files=,places=,questions=,hypotheses=,theme_by_id(),actor_by_id(),briefing_by_id(),country_by_code()', '_r77', {'__init__': _r77__init__, '__reduce__': _r77__reduce__}),
    ('vrmc_cli.corpus.model', 'Country'): ('F:code,name,aliases=,region=', '_r78', {'__init__': _r78__init__, '__reduce__': _r78__reduce__}),
    ('vrmc_cli.corpus.model', 'Event'): ('F:id,date,title,themes,end=,circa=,display_date=,summary=,countries=,actors=,sources=,confidence=,credibility=,signals=,consistency=,relevance=,disputed=,status=,places=,origin=,destination=', '_r79', {'__init__': _r79__init__, '__reduce__': _r79__reduce__}),
    ('vrmc_cli.corpus.model', 'Hypothesis'): ('F:id,question,statement,scenario=', '_r80', {'__init__': _r80__init__, '__reduce__': _r80__reduce__}),
    ('vrmc_cli.corpus.model', 'Indicator'): ('F:text,id=,counts=,deadline=,horizon=,type=,criteria=', '_r81', {'__init__': _r81__init__, '__reduce__': _r81__reduce__}),
    ('vrmc_cli.corpus.model', 'KeyJudgment'): ('F:text,likelihood=,confidence=,basis=,themes=,countries=,actors=,sources=,inherited_themes=,id=', '_r82', {'__init__': _r82__init__, '__reduce__': _r82__reduce__}),
    ('vrmc_cli.corpus.model', 'Place'): ('F:id,name,latitude,longitude,aliases=,country=,precision=,gazetteer=,sources=', '_r83', {'__init__': _r83__init__, '__reduce__': _r83__reduce__}),
    ('vrmc_cli.corpus.model', 'Point'): ('F:text,themes=,countries=,actors=,sources=,confidence=,credibility=,consistency=,relevance=,id=,inherited_themes=', '_r84', {'__init__': _r84__init__, '__reduce__': _r84__reduce__}),
    ('vrmc_cli.corpus.model', 'Question'): ('F:id,text,summary=', '_r85', {'__init__': _r85__init__, '__reduce__': _r85__reduce__}),
    ('vrmc_cli.corpus.model', 'Range'): ('FE:low,high', '_r86', {'__init__': _r86__init__, '__reduce__': _r86__reduce__, '__eq__': _r86__eq__, '__hash__': _r86__hash__}),
    ('vrmc_cli.corpus.model', 'Rating'): ('F:hypothesis,rating,note=,analyst=,analysts=', '_r87', {'__init__': _r87__init__, '__reduce__': _r87__reduce__}),
    ('vrmc_cli.corpus.model', 'Relation'): ('F:source,target,kind,since=,until=,summary=,sources=', '_r88', {'__init__': _r88__init__, '__reduce__': _r88__reduce__}),
    ('vrmc_cli.corpus.model', 'Role'): ('F:title,start=,end=', '_r89', {'__init__': _r89__init__, '__reduce__': _r89__reduce__}),
    ('vrmc_cli.corpus.model', 'Scenario'): ('F:id,title,summary,likelihood=,horizon=,drivers=,indicators=,themes=,countries=', '_r90', {'__init__': _r90__init__, '__reduce__': _r90__reduce__}),
    ('vrmc_cli.corpus.model', 'Section'): ('F:heading,points', '_r91', {'__init__': _r91__init__, '__reduce__': _r91__reduce__}),
    ('vrmc_cli.corpus.model', 'Signal'): ('F:indicator,direction,note=', '_r92', {'__init__': _r92__init__, '__reduce__': _r92__reduce__}),
    ('vrmc_cli.corpus.model', 'Source'): ('F:id,title,publisher=,url=,published=,kind=,reliability=,accessed=,archive_url=,origin=,via=,state_media=,origin_basis=', '_r93', {'__init__': _r93__init__, '__reduce__': _r93__reduce__}),
    ('vrmc_cli.corpus.model', 'Theme'): ('F:id,title,description=,parent=', '_r94', {'__init__': _r94__init__, '__reduce__': _r94__reduce__}),
    ('vrmc_cli.corpus.model', 'Topic'): ('F:title,subtitle=,summary=,as_of=', '_r95', {'__init__': _r95__init__, '__reduce__': _r95__reduce__}),
    ('vrmc_cli.corpus.model', 'Transfer'): ('F:id,supplier,recipient,designation,category,description=,ordered=,delivered_from=,delivered_to=,quantity_ordered=,quantity_delivered=,value_usd=,status=,sources=,notes=,disputed=,places=', '_r96', {'__init__': _r96__init__, '__reduce__': _r96__reduce__}),
    ('vrmc_cli.corpus.origins', 'Origins'): ('F:ids=,names=', '_r97', {'__init__': _r97__init__, '__reduce__': _r97__reduce__}),
    ('vrmc_cli.importers', 'Context'): (':ids,source_urls,countries,actors,has_topic=,corpus_ids=', '_r98', {'__init__': _r98__init__, '__reduce__': _r98__reduce__}),
    ('vrmc_cli.importers.html_text', 'Link'): ('F:url,text', '_r99', {'__init__': _r99__init__, '__reduce__': _r99__reduce__}),
    ('vrmc_cli.importers.html_text', 'PlainText'): (':text,links,dropped', '_r100', {'__init__': _r100__init__, '__reduce__': _r100__reduce__}),
    ('vrmc_cli.render', 'Options'): (':heading_level=,width=,color=,color_system=,citations=,images=,cache=', '_r101', {'__init__': _r101__init__, '__reduce__': _r101__reduce__}),
    ('vrmc_cli.render', 'Renderer'): ('FE:needs,what,extensions=,binary=', '_r102', {'__init__': _r102__init__, '__reduce__': _r102__reduce__, '__eq__': _r102__eq__, '__hash__': _r102__hash__}),
    ('vrmc_cli.runner', 'Look'): (':fmt=,heading_level=,no_pager=,output=,citations=,protect=,use_cache=', '_r103', {'__init__': _r103__init__, '__reduce__': _r103__reduce__}),
    ('vrmc_cli.runner', 'State'): (':roots=,use_cache=,debug=', '_r104', {'__init__': _r104__init__, '__reduce__': _r104__reduce__}),
    ('vrmc_cli.views.report', 'Report'): ('F:topic,labels,briefings,events,actors,transfers,scenarios,board,analyses,bibliography,cite=,ids=,edition=,relations=', '_r105', {'__init__': _r105__init__, '__reduce__': _r105__reduce__}),
    ('vrmc_cli.views.report', 'Section'): ('F:key,title,build', '_r106', {'__init__': _r106__init__, '__reduce__': _r106__reduce__}),
}
