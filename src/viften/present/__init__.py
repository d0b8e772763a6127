"""What a reader sees: texts, formatting, figures, tables, charts, images and the deck."""
