import subprocess
import sys

from tests.conftest import ROOT


def test_renderers_know_nothing_of_spacy():
    """Rendering a brief imports neither spaCy nor the NLP or extraction stages."""
    code = (
        "import sys\n"
        "from tests.render.sample import sample_brief\n"
        "from briefing.render.html import render_html\n"
        "from briefing.render.json_brief import render_json\n"
        "from briefing.render.pdf import render_pdf\n"
        "b = sample_brief(new_since_last=True)\n"
        "render_html(b); render_json(b); render_pdf(b)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] == 'spacy'\n"
        "       or m.startswith(('briefing.nlp', 'briefing.extract', 'briefing.consolidate'))]\n"
        "print(','.join(bad))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""
