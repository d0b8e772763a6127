from viften.cli import main

raise SystemExit(main())
