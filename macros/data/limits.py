"""The limits on what the portal reads: each far beyond anything a clerk writes, and each a message
rather than a crash, a hang or a swollen site when a file is broken or hostile.

- A file: at most 1 MB (about 150,000 words; the longest minutes file of a meeting item is a few
  tens of KB). A larger file is almost always a paste gone wrong, and every page, feed and search
  index that shows it would grow with it.
- A value: at most 20,000 characters (about 3,000 words, several printed pages); a summary,
  quotation or resolution is a paragraph or two.
- Nesting: at most 20 levels of indentation or brackets (the deepest data file uses 7); deeper is
  not data the portal reads, and thousands of levels would exhaust the YAML reader.
- A year: 1900 to 2100. Every meeting, target and figure a committee deals with falls in it; a year
  outside it is a typing slip, and the calendar and charts count days from these dates.
- A figure: at most 15 digits. No count, percentage or amount of money needs more, and more than
  that cannot be kept exactly (a 400-digit figure would become "infinity").
- A whole number (how many recommendations, a resolution's number): at most 999.
- An ID: at most 100 characters. Each becomes part of a web address and of a file name, and
  file systems refuse names over 255 bytes.
"""

MAX_FILE_BYTES = 1_000_000
MAX_VALUE_CHARACTERS = 20_000
MAX_DEPTH = 20
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_FIGURE_DIGITS = 15
MAX_COUNT = 999
MAX_ID_CHARACTERS = 100
