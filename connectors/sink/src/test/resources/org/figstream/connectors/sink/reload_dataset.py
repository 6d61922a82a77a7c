"""Loads one config three ways, as the dataset card describes, and prints the row counts as JSON, for
PythonReadersTest: through the cache, past it (force_redownload, no_checks) and streamed.
Usage: python reload_dataset.py DATASET_DIR CACHE_DIR CONFIG
"""
import json
import sys

import datasets

root, cache, config = sys.argv[1:4]
cached = datasets.load_dataset(root, config, split="train", cache_dir=cache)
forced = datasets.load_dataset(root, config, split="train", cache_dir=cache,
                               download_mode="force_redownload", verification_mode="no_checks")
streamed = datasets.load_dataset(root, config, split="train", streaming=True)
print(json.dumps({"cached": len(cached), "forced": len(forced), "streamed": sum(1 for _ in streamed)}))
