"""``python -m nettoyeur`` runs the command line."""

from nettoyeur.cli.main import main

main()
