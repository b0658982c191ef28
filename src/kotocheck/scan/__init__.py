"""`kotocheck scan`: the reviewer's first pass over a programme document read without YAML.

evidence.py finds, for every checklist item, the passages that speak of it; lemmas.py gives
words their base forms; choose.py picks the checklist a document is to be read against."""
