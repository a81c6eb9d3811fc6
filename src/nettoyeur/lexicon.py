"""Function words of English, French, German, Spanish and Italian.

Used to tell prose from labels (boilerplate) and names from ordinary words (verify).
"""

from __future__ import annotations

# Function words of the five languages: prose has many, menus and labels have few.
STOPWORDS = frozenset(
    """
    the a an and or of to in on for with at by from as is are was were be been it its this that these those
    he she they we you i his her their our not no but if so than then there which who what when where how
    le la les un une des du de et ou à au aux en dans par pour sur avec ce cette ces qui que qu dont est sont
    été il elle ils elles nous vous on ne pas plus se sa son ses leur leurs d l s n c y a mais comme
    der die das den dem des ein eine einer eines einem und oder zu im in am an auf für mit von bei aus ist
    sind war wird werden hat haben nicht auch sich es er sie wir ihr ich dass als wie nach noch nur so
    el los las una unos unas y o del al en con por para es son fue ha que se su sus lo como pero más no
    il lo gli i uno una e o di da dei delle della nel nella con per su è sono che si non come ma anche
    """.split()
)
