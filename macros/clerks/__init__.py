"""Tools for the people who write the data: importing minutes, new-file templates, the safeguarding check."""
