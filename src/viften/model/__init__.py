"""The model: columns, rules, derived figures, filters, effects and the allocator.

Plain Python at the bottom of the layers: it knows no files, no database and no words."""
