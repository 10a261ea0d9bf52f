"""What pages show: rendering through autoescaped Jinja partials, charts, and the pages made from the data."""
