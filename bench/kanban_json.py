#!/usr/bin/env python3
"""Turn a ducha board (YAML, e.g. from `ducha gen`) into a kanban-rs 0.12.2 data file.

Usage: kanban_json.py BOARD.yaml OUT.json [--titles TITLES.txt]

The output is the on-disk JSON envelope kanban-rs 0.12.2 itself writes
(`"version": 18`, see kanban-persistence-json and kanban-domain 0.12.2): one
board, three columns 待办 / 进行中 / 已完成 (todo / doing / done), and one card
per ducha task with the same title, the column and status by the task's status,
the due date from its deadline and a description naming the lead unit and the
deadline (and the extension, if any).  IDs are derived from the task ids, so the
same board gives byte-identical output.

The board is read with a fast reader for the block-style YAML `ducha gen`
writes; when the file has another shape it falls back to PyYAML (if installed).
--titles writes the distinct task titles, one a line (used to find a title on
each program's first screen).
"""
import json
import re
import sys
import uuid

NS = uuid.UUID("6d7563a8-6261-4e63-8800-000000000000")  # fixed namespace: reproducible ids
STAMP = "2017-07-10T00:00:00Z"
COLUMNS = [("todo", "待办", "Todo"), ("doing", "进行中", "InProgress"), ("done", "已完成", "Done")]


def uid(*parts):
    return str(uuid.uuid5(NS, "/".join(parts)))


class Unsupported(Exception):
    pass


def scalar(v):
    v = v.strip()
    if not v or v[0] in "'\"[{|>&*!%@`":
        raise Unsupported(v)
    return v


def read_fast(path):
    """Reader for the exact shape of `ducha gen` output; raises Unsupported otherwise."""
    units, tasks, section, task = {}, [], None, None
    unit_re = re.compile(r"^  - \{id: ([^,{}]+), name: ([^,{}]+)\}$")
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith(" "):
                key = line.split(":", 1)[0]
                section = key
                if key in ("units", "tasks") and line.split(":", 1)[1].strip():
                    raise Unsupported(line)
                continue
            if section == "units":
                m = unit_re.match(line)
                if not m:
                    raise Unsupported(line)
                units[m.group(1)] = m.group(2)
            elif section == "tasks":
                if line.startswith("  - id: "):
                    task = {"id": scalar(line[8:])}
                    tasks.append(task)
                elif line.startswith("    ") and not line.startswith("     "):
                    if task is None:
                        raise Unsupported(line)
                    key, _, val = line[4:].partition(":")
                    if key in ("title", "lead", "deadline", "status", "extended_to"):
                        task[key] = scalar(val)
                elif line.startswith("  - "):
                    raise Unsupported(line)
    if not tasks:
        raise Unsupported("no tasks")
    return units, tasks


def read_yaml(path):
    import yaml  # PyYAML

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as f:
        board = yaml.load(f, Loader=loader)
    units = {u["id"]: u.get("name", u["id"]) for u in board.get("units") or []}
    tasks = [{k: str(v) for k, v in t.items() if k in ("id", "title", "lead", "deadline", "status", "extended_to")}
             for t in board.get("tasks") or []]
    return units, tasks


def convert(units, tasks):
    board_id = uid("board")
    columns, col_of, pos = [], {}, {}
    for i, (status, name, _) in enumerate(COLUMNS):
        cid = uid("column", status)
        col_of[status], pos[status] = cid, 0
        columns.append({"board_id": board_id, "created_at": STAMP, "default_status": None, "id": cid,
                        "name": name, "position": i, "updated_at": STAMP, "wip_limit": None})
    kstatus = {s: k for s, _, k in COLUMNS}
    cards = []
    for n, t in enumerate(tasks, 1):
        status = t.get("status", "todo")
        if status not in col_of:
            status = "todo"
        lead = units.get(t.get("lead", ""), t.get("lead", ""))
        deadline = t.get("deadline")
        desc = f"牵头单位：{lead}；时限：{deadline}"
        if t.get("extended_to"):
            desc += f"（延期至 {t['extended_to']}）"
        cards.append({
            "board_id": board_id, "card_number": n, "column_id": col_of[status],
            "completed_at": STAMP if status == "done" else None, "created_at": STAMP,
            "description": desc, "due_date": f"{deadline}T00:00:00Z" if deadline else None,
            "id": uid("card", t["id"]), "points": None, "position": pos[status], "prefix": "task",
            "priority": "Medium", "sprint_id": None, "sprint_logs": [], "status": kstatus[status],
            "title": t.get("title", t["id"]), "updated_at": STAMP,
        })
        pos[status] += 1
    board = {"active_sprint_id": None, "card_prefix": None, "created_at": STAMP, "description": None,
             "id": board_id, "name": "督查", "next_sprint_number": 1, "position": 0,
             "sprint_duration_days": None, "sprint_name_used_count": 0, "sprint_names": [],
             "sprint_prefix": None, "task_list_view": "Flat", "task_sort_field": "Default",
             "task_sort_order": "Ascending", "updated_at": STAMP}
    return {
        "version": 18,
        "metadata": {"instance_id": uid("instance"), "saved_at": STAMP,
                     "writer_version": "0.12.2", "writer_commit": "unknown"},
        "data": {"archived_boards": [], "archived_cards": [], "boards": [board], "cards": cards,
                 "columns": columns,
                 "graph": {"blocks": {"edges": []}, "relates": {"edges": []}, "spawns": {"edges": []}},
                 "prefixes": [{"card_counter": len(cards), "name": "task", "sprint_counter": 0}],
                 "sprints": []},
    }


def main(argv):
    args, titles_out = list(argv), None
    if "--titles" in args:
        i = args.index("--titles")
        titles_out = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    src, out = args
    try:
        units, tasks = read_fast(src)
    except Unsupported:
        units, tasks = read_yaml(src)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(convert(units, tasks), f, ensure_ascii=False, indent=2)
    if titles_out:
        with open(titles_out, "w", encoding="utf-8") as f:
            f.write("\n".join(sorted({t["title"] for t in tasks if t.get("title")})) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
