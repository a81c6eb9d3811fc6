from pathlib import Path

from nettoyeur import CleanConfig, clean_folder

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_samples_clean(tmp_path):
    summary = clean_folder(SAMPLES, tmp_path / "out", CleanConfig(), quiet=True)
    assert summary["counts"]["duplicate"] == 7
