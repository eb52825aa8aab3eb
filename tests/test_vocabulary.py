"""Labels to metric keys: the longest alias wins where the unit family fits."""
import pytest

from tracker.vocabulary import load_vocabulary


@pytest.mark.parametrize("label,family,aspect,key", [
    ("学前三年毛入园率", "rate", "level", "preschool_gross_enrolment_rate"),
    ("全市幼儿毛入园率", "rate", "level", "preschool_gross_enrolment_rate"),
    ("学前一年毛入园率", "rate", "level", "preschool_one_year_enrolment_rate"),
    ("“全面改薄”资金", "money", "level", "weak_school_improvement_funds"),
    # A rate's words on a count are not that rate.
    ("毛入园率", "count", "level", None),
    # A growth rate is a % of any level; a pp change is a change of a rate.
    ("学前三年毛入园率比2010年提高幅度", "points", "pp_change", "preschool_gross_enrolment_rate"),
    ("与本市无关的说法", "count", "level", None),
])
def test_match(label, family, aspect, key):
    entry = load_vocabulary().match(label, family, aspect)
    assert (entry.key if entry else None) == key
