from checkclaim.cli import main

main()
