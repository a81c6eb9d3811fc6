"""``python -m nettoyeur`` runs the command line."""

from nettoyeur.cli import main

main()
