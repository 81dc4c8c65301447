"""Which design seeds are for developing and which for judging.

This file is left out of the cells' input hash (`cells.source_digest`): which seeds are looked at
changes nothing in how a cell is typeset, so moving a batch from unseen to dev keeps its cache.
"""

# look at these while developing (1-12 from the start; 13-36, 37-48, 49-72 and 73-96 added once
# the rules reached most cells of the others, each batch measured before anyone looked at it)
DEV_SEEDS: tuple[int, ...] = tuple(range(1, 97))
# never look at these: judging only (1013-1024 added later, first measured on the final rules
# of the session that added them)
HELD_OUT_SEEDS: tuple[int, ...] = tuple(range(1001, 1025))
