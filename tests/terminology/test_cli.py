"""`vimednlp code` and `vimednlp terminology ...` through click's runner."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from vimednlp.cli import cli

MOH = Path(__file__).parent / "data" / "moh_qd4469_sample.csv"


def test_code_command(vi_cache):
    r = CliRunner().invoke(cli, ["code", "ĐTĐ type 2", "-k", "3"])
    assert r.exit_code == 0, r.output
    top3 = [line.split()[0] for line in r.output.strip().splitlines()[:3]]
    assert "E11" in [c[:3] for c in top3]
    r = CliRunner().invoke(cli, ["code", "cao", "huyet", "ap", "--json"])
    assert r.exit_code == 0 and '"code": "I10"' in r.output.splitlines()[0]
    r = CliRunner().invoke(cli, ["code", "--system", "drug", "Augmentin", "-k", "1"])
    assert r.exit_code == 0 and r.output.startswith("J01CR02")
    assert CliRunner().invoke(cli, ["code"]).exit_code == 2


def test_terminology_build_info_lookup(fresh_cache):
    run = CliRunner().invoke
    r = run(cli, ["terminology", "build", "--source", "moh", str(MOH)])
    assert r.exit_code == 0 and "imported" in r.output
    r = run(cli, ["terminology", "build", "--source", "moh", str(MOH)])
    assert r.exit_code == 0 and "nothing to do" in r.output
    assert run(cli, ["terminology", "build", "--source", "moh"]).exit_code == 2
    r = run(cli, ["terminology", "build", "--source", "moh", str(Path(__file__))])
    assert r.exit_code == 1 and "error:" in r.output
    r = run(cli, ["terminology", "info"])
    assert r.exit_code == 0 and "moh:moh_qd4469_sample.csv" in r.output
    r = run(cli, ["terminology", "lookup", "M01.02", "I10"])
    assert r.exit_code == 0 and "extension" in r.output
    assert run(cli, ["terminology", "lookup", "X99.9"]).exit_code == 1
    assert "Example" in run(cli, ["terminology", "build", "--help"]).output


def test_every_option_of_the_terminology_commands_has_help_text():
    from vimednlp.terminology.cli import code, terminology

    cmds = [code, *terminology.commands.values()]
    missing = [f"{c.name} {p.opts[0]}" for c in cmds for p in c.params
               if isinstance(p, __import__("click").Option) and not p.help]
    assert not missing, f"options without help: {missing}"
    r = CliRunner().invoke(cli, ["terminology", "info", "--help"])
    assert "--json" in r.output and "JSON object" in r.output
