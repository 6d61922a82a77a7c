"""Reads a figstream dataset the way its users do and prints what they get, as JSON, for PythonReadersTest.

Every config of the card through Hugging Face datasets (loaded and streamed), the figures through pandas,
and the huggingface features metadata of every figures file against the file's own Arrow schema.
Usage: python read_dataset.py DATASET_DIR CACHE_DIR
"""
import glob
import hashlib
import json
import os
import sys

import datasets
import pandas as pd
import pyarrow.parquet as pq
import yaml
from PIL import Image as PILImage

root, cache = sys.argv[1], sys.argv[2]
with open(os.path.join(root, "README.md"), encoding="utf-8") as card:
    configs = yaml.safe_load(card.read().split("---\n")[1])["configs"]

out = {"datasets": datasets.__version__, "configs": {}}
for config in configs:
    name = config["config_name"]
    loaded = datasets.load_dataset(root, name, split="train", cache_dir=cache)
    streamed = {}
    for row in datasets.load_dataset(root, name, split="train", streaming=True):
        streamed[row.get("pair_id", row.get("article_key"))] = row
    entry = {"rows": len(loaded), "streamed_rows": len(streamed),
             "features": {k: type(v).__name__ for k, v in loaded.features.items()}}
    if "image" in loaded.features:
        raw = loaded.cast_column("image", datasets.Image(decode=False))
        images = {}
        for row, raw_row in zip(loaded, raw):
            if row["image"] is None:
                continue
            images[row["pair_id"]] = {
                "pil": isinstance(row["image"], PILImage.Image),
                "streamed_pil": isinstance(streamed[row["pair_id"]]["image"], PILImage.Image),
                "size": list(row["image"].size),
                "sha256": hashlib.sha256(raw_row["image"]["bytes"]).hexdigest(),
                "hash": row["perceptual_hash"],
            }
        entry["images"] = images
    else:
        entry["article_ids"] = {row["article_key"]: row["article_ids"] for row in loaded}
    out["configs"][name] = entry

frame = pd.read_parquet(os.path.join(root, "figures"))
out["pandas"] = {
    "dtype": str(frame["perceptual_hash"].dtype),
    "hashes": {p: h for p, h in zip(frame["pair_id"], frame["perceptual_hash"]) if isinstance(h, str)},
    "unsigned": {p: str(int(h, 16)) for p, h in zip(frame["pair_id"], frame["perceptual_hash"]) if isinstance(h, str)},
}

# The image's declared feature must have the file's exact Arrow type (else datasets ignores it); every other
# declared feature must be the one datasets infers from the file (older datasets take the metadata whole).
mismatches = []
for path in sorted(glob.glob(os.path.join(root, "figures", "*", "*.parquet"))):
    schema = pq.read_schema(path)
    declared = datasets.Features.from_dict(json.loads(schema.metadata[b"huggingface"])["info"]["features"])
    for field in schema:
        if field.name not in declared:
            mismatches.append(f"{os.path.basename(path)} {field.name}: not declared")
        elif field.name == "image":
            if declared.arrow_schema.field("image").type != field.type:
                mismatches.append(f"image: file {field.type}, declared {declared.arrow_schema.field('image').type}")
        elif declared[field.name] != datasets.features.features.generate_from_arrow_type(field.type):
            mismatches.append(f"{os.path.basename(path)} {field.name}: file {field.type}, declared "
                              f"{declared[field.name]}")
out["feature_mismatches"] = mismatches
print(json.dumps(out))
