from depression_guide.cli import main

main()
