from sportlint.cli.main import main

raise SystemExit(main())
