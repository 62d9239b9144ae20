"""An English sentence in a bilingual note: a Vietnamese cue's bare spelling there is an English word (`he` is no
`hễ`, `me` no `mẹ`), while Vietnamese written without marks keeps its cues; `denies` reaches an English list."""
from vimednlp.clinical import extract


def _attrs(text: str) -> dict[str, set[str]]:
    keys = ("negated", "hypothetical", "historical", "family", "uncertain")
    return {s.text: {k for k in keys if s.attrs.get(k)} for s in extract(text)}


def test_english_he_is_no_whenever():
    got = _attrs("He had one seizure in 2023. Today he reports tremor and insomnia.")
    assert "hypothetical" not in got.get("tremor", {"hypothetical"})


def test_unmarked_vietnamese_whenever_stays_a_cue():
    got = _attrs("he co sot thi uong ha sot")
    assert "hypothetical" in got.get("sot", set())


def test_unmarked_vietnamese_mother_stays_family():
    got = _attrs("me bi tang huyet ap, bo bi tieu duong")
    assert "family" in got.get("tang huyet ap", set())


def test_denies_reaches_a_whole_english_list():
    got = _attrs("Today he denies chest pain, hallucinations and vomiting.")
    assert "negated" in got.get("hallucinations", set())
    assert "negated" in got.get("vomiting", set())
