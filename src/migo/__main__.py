from migo.cli import main

raise SystemExit(main())
