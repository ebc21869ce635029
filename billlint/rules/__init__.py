"""Rules: one folder per family, one module per rule. registry.all_rules() imports every family, which registers
every rule; importing this package alone loads none of them (`billlint --version` needs no rule).

To add a rule (say BL205 dangling-reference):
1. write billlint/rules/bl2_references/bl205_dangling_reference.py: a function decorated with
   @rule("BL205", "dangling-reference", severity, fixable=..., view_dependent=..., reads=(...)) that yields
   Reports; its docstring is the user documentation (what, why, Bad:, Good:); what the family's rules
   share lives in the family's common.py;
2. import it in the family's __init__.py;
3. write tests/rules/cases/BL205.yml with at least one fail and one pass case (tests/rules/test_cases.py
   says how), and regenerate docs/rules.md with `billlint rules --markdown > docs/rules.md`.
"""



def register_all() -> None:
    """Import every family: each rule registers itself when its module is imported."""
    from . import bl0_input  # noqa: F401
    from . import bl1_structure  # noqa: F401
    from . import bl2_references  # noqa: F401
    from . import bl3_amendments  # noqa: F401
    from . import bl4_text  # noqa: F401
    from . import bl5_reported  # noqa: F401
    from . import bl6_citations  # noqa: F401
