"""Write the fan chart's stored templates (`viften.present.charts.fan.TEMPLATES`) again from
what Altair builds: run it after a change to the fan's marks or to the texts they show.

    .venv/bin/python scripts/fan_templates.py
"""

from __future__ import annotations

import json

from viften.present.charts import fan


def main() -> None:
    templates = fan.every_template()
    fan.TEMPLATES.write_text(
        json.dumps(templates, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"{len(templates)} templates written to {fan.TEMPLATES}")


if __name__ == "__main__":
    main()
