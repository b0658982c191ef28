"""The limits every reading of a document keeps, whichever reader reads it (fast_yaml, yaml_reader,
loader): what a hostile or broken file may cost."""

# Aliases are shared objects in the parsed tree; copying them out could blow up exponentially
# ("billion laughs"), so the copy is bounded; the fast reader leaves a bigger document to the
# round-trip loader, which words the refusal.
MAX_NODES = 200_000
# Deeper nesting is refused while scanning: ruamel's scanner slows down quadratically with the
# flow level and its composer recurses once per level.
MAX_DEPTH = 200
