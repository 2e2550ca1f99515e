"""Imports a .tsv into a fresh, temporary Mnemosyne database with Mnemosyne's
own text importer (libmnemosyne/file_formats/tsv.py, the File -> Import
"Tab-separated text files" of Mnemosyne 2.x) and prints what it imported as
JSON: {"errors": [...], "cards": [{"question", "answer", "card_type"}]}.

Headless: Mnemosyne's scripting front end (mnemosyne.script) with no window.
Everything Mnemosyne writes (database, config, logs) goes to a temporary
folder that is removed afterwards. Exit status 1 when the importer reported
an error (it then imports nothing).

Usage: python3 import_tsv.py FILE.tsv  (with the Python that runs Mnemosyne)
"""
import json
import os
import shutil
import sys
import tempfile
import warnings


def main(path):
    warnings.simplefilter("ignore")  # e.g. "google_trans package is not installed"
    home = tempfile.mkdtemp(prefix="deckgen-mnemosyne-")
    # Mnemosyne looks for a 1.x folder in HOME to upgrade: give it an empty one.
    os.environ["HOME"] = home
    try:
        from mnemosyne.script import Mnemosyne

        mnemosyne = Mnemosyne(os.path.join(home, "data"))
        errors = []
        mnemosyne.main_widget().show_error = errors.append
        # Importable only once Mnemosyne is set up (its translator names the format).
        from mnemosyne.libmnemosyne.file_formats.tsv import Tsv

        tsv = next(f for f in mnemosyne.component_manager.all("file_format") if type(f) is Tsv)
        tsv.do_import(os.path.abspath(path))
        database = mnemosyne.database()
        cards = []
        for card_id, _fact_id in database.cards():
            card = database.card(card_id, is_id_internal=True)
            cards.append({
                "question": card.fact["f"],
                "answer": card.fact.data.get("b"),
                "card_type": card.card_type.name,
            })
        mnemosyne.finalise()
        print(json.dumps({"errors": errors, "cards": cards}, ensure_ascii=False))
        return 1 if errors else 0
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
