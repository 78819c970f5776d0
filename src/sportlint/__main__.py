from sportlint.cli import main

raise SystemExit(main())
