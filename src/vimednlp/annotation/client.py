"""A Label Studio client over label-studio-sdk 2.x: projects from the schema, push, pull, export.

Errors from the server come back as `LabelStudioError` with what went wrong and what to do:
server down, wrong token, missing project. Nothing here logs task text (it may hold PHI).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..schema import Document, Span
from .config import label_config
from .convert import spans_to_results
from .labelschema import AnnotationSchema, load_schema
from .store import PullStore

log = logging.getLogger(__name__)


class LabelStudioError(RuntimeError):
    """A Label Studio call failed; the message says which and why."""


@dataclass
class PullResult:
    new: int = 0          # annotation versions stored for the first time
    unchanged: int = 0    # versions already in the state
    tasks: int = 0        # tasks seen on the server
    new_tasks: int = 0


def _sdk():
    try:
        from label_studio_sdk import LabelStudio
    except ImportError as e:  # pragma: no cover - the extra is part of [all]
        raise LabelStudioError("label-studio-sdk is not installed: pip install 'vimednlp[labelstudio]'") from e
    return LabelStudio


def _get(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


class LabelStudioClient:
    """`LabelStudioClient(url, token)`; `token` is a legacy API token or a personal access token (JWT)."""

    def __init__(self, url: str, token: str, timeout: float = 60.0, schema: AnnotationSchema | None = None):
        if not url:
            raise LabelStudioError("no Label Studio URL given (--url or $LABEL_STUDIO_URL)")
        if not token:
            raise LabelStudioError("no Label Studio API token given (--token or $LABEL_STUDIO_API_KEY)")
        self.url = url.rstrip("/")
        self.schema = schema or load_schema()
        self.ls = _sdk()(base_url=self.url, api_key=token, timeout=timeout)
        self._users: dict[int, str] | None = None

    # -- error translation ---------------------------------------------------------------------------
    def _call(self, what: str, fn: Callable[..., Any], *args: Any, for_project: int | None = None,
              **kw: Any) -> Any:
        import httpx
        from label_studio_sdk.core.api_error import ApiError

        try:
            return fn(*args, **kw)
        except httpx.TransportError as e:
            raise LabelStudioError(f"Label Studio server at {self.url} is not reachable ({type(e).__name__}: {e}); "
                                   "is it running? (label-studio start --internal-host 127.0.0.1 --port ...)") from None
        except ApiError as e:
            code = e.status_code
            if code == 401:
                raise LabelStudioError(f"{what}: Label Studio at {self.url} refused the API token (401); check --token "
                                       "(a legacy token needs the server started with --enable-legacy-api-token)") from None
            if code == 403:
                raise LabelStudioError(f"{what}: the token's user may not do this (403)") from None
            if code == 404 and for_project is not None:
                raise LabelStudioError(f"{what}: project {for_project} does not exist on {self.url}") from None
            raise LabelStudioError(f"{what}: Label Studio answered {code}: {_short(e.body)}") from None

    def whoami(self) -> dict[str, Any]:
        me = self._call("check the connection", self.ls.users.whoami)
        return {"id": me.id, "email": me.email, "username": me.username}

    # -- projects ------------------------------------------------------------------------------------
    def find_project(self, title: str) -> int | None:
        for p in self._call("list projects", lambda: list(self.ls.projects.list())):
            if p.title == title:
                return p.id
        return None

    def get_project(self, project: int) -> Any:
        return self._call(f"read project {project}", self.ls.projects.get, id=project, for_project=project)

    def project_labels(self, project: int) -> set[str]:
        """The labels project `project`'s label config offers (its `<Labels>` control for our spans)."""
        from .config import config_labels

        cfg = _get(self.get_project(project), "label_config") or ""
        return config_labels(cfg, self.schema.tags["labels"])

    def ensure_project(self, title: str, which: str = "all", project: int | None = None,
                       description: str = "") -> int:
        """Create the project (by title, or update project `project` / the one with that title) with the
        label config generated for `which`. Returns its id."""
        cfg = label_config(which, self.schema)
        pid = project if project is not None else self.find_project(title)
        if pid is None:
            p = self._call("create the project", self.ls.projects.create, title=title, label_config=cfg,
                           description=description or f"vimednlp {which} annotation, schema v{self.schema.version}")
            return p.id
        self._call(f"update project {pid}", self.ls.projects.update, pid, label_config=cfg, for_project=pid)
        return pid

    # -- users ---------------------------------------------------------------------------------------
    def users(self, refresh: bool = False) -> dict[int, str]:
        """user id -> annotator name (email, else username, else 'user<id>')."""
        if self._users is None or refresh:
            out = {}
            for u in self._call("list users", lambda: list(self.ls.users.list())):
                out[u.id] = u.email or u.username or f"user{u.id}"
            self._users = out
        return self._users

    def ensure_user(self, email: str, username: str | None = None) -> int:
        """The id of the user with this e-mail, created through the API if needed (works in Community)."""
        for uid, name in self.users(refresh=True).items():
            if name == email:
                return uid
        u = self._call("create a user", self.ls.users.create, username=username or email.split("@")[0], email=email)
        self._users = None
        return u.id

    # -- push ----------------------------------------------------------------------------------------
    def make_task(self, doc: Document, predictions: list[Span] | None = None,
                  model_version: str | None = None, score: float | None = None,
                  annotations: dict[int, list[Span]] | None = None) -> dict[str, Any]:
        task: dict[str, Any] = {"data": {self.schema.tags["text"]: doc.text,
                                         "vimednlp": {"id": doc.id, "meta": doc.meta,
                                                      "schema_version": doc.schema_version}}}
        if predictions is not None:
            result = spans_to_results(doc.text, predictions, self.schema, id_prefix="p")
            scores = [s.score for s in predictions]
            task["predictions"] = [{"model_version": model_version or "unknown", "result": result,
                                    "score": score if score is not None else
                                    (round(sum(scores) / len(scores), 4) if scores else 0.0)}]
        if annotations:
            # existing annotations, each under its user (Label Studio keeps completed_by on import)
            task["annotations"] = [{"result": spans_to_results(doc.text, spans, self.schema), "completed_by": uid,
                                    "was_cancelled": False} for uid, spans in annotations.items()]
        return task

    def push(self, project: int, docs: Iterable[Document], predictor: Callable[[str], list[Span]] | None = None,
             model_version: str | None = None, spans_as_predictions: bool = False, batch_size: int = 100,
             progress: bool = False, annotations: list[dict[int, list[Span]]] | None = None) -> list[int]:
        """Import documents as tasks. Pre-annotations come from `predictor(text)`, or from the records'
        own spans with `spans_as_predictions`. `annotations` (one {user id: spans} per document) imports
        existing annotations with the tasks, e.g. a doubly annotated corpus to review.
        Returns the new task ids in input order."""
        from tqdm import tqdm

        mv = model_version or getattr(predictor, "model_version", None) or ("records" if spans_as_predictions else None)
        ids: list[int] = []
        batch: list[dict[str, Any]] = []
        docs = list(docs)
        if annotations is not None and len(annotations) != len(docs):
            raise ValueError(f"annotations: {len(annotations)} entries for {len(docs)} documents")
        for i, d in enumerate(tqdm(docs, desc="push", unit="doc", disable=not progress)):
            if predictor:
                try:
                    preds = predictor(d.text)
                except Exception as e:  # the predictor is user or pipeline code: name the record, not its text
                    from .predict import PredictorUnavailable

                    raise PredictorUnavailable(
                        f"pre-annotation failed on document {d.id!r} ({type(e).__name__}); "
                        "push with --no-predict or another --predictor") from e
            else:
                preds = d.spans if spans_as_predictions else None
            batch.append(self.make_task(d, preds, mv, annotations=annotations[i] if annotations else None))
            if len(batch) >= batch_size:
                ids += self._import(project, batch)
                batch = []
        if batch:
            ids += self._import(project, batch)
        return ids

    def _import(self, project: int, tasks: list[dict[str, Any]]) -> list[int]:
        r = self._call(f"import tasks into project {project}", self.ls.projects.import_tasks, id=project,
                       request=tasks, return_task_ids=True, for_project=project)
        ids = list(r.task_ids or [])
        if len(ids) != len(tasks):
            raise LabelStudioError(f"import into project {project}: sent {len(tasks)} tasks, server created {len(ids)}")
        return ids

    # -- annotate (used to script annotators, e.g. tests and simulations) ----------------------------
    def annotate(self, task_id: int, text: str, spans: list[Span], completed_by: int | None = None,
                 lead_time: float | None = None) -> int:
        result = spans_to_results(text, spans, self.schema)
        kw: dict[str, Any] = {"result": result, "was_cancelled": False}
        if completed_by is not None:
            kw["completed_by"] = completed_by
        if lead_time is not None:
            kw["lead_time"] = lead_time
        a = self._call(f"annotate task {task_id}", self.ls.annotations.create, task_id, **kw)
        return a.id

    def update_annotation(self, annotation_id: int, text: str, spans: list[Span]) -> None:
        self._call(f"update annotation {annotation_id}", self.ls.annotations.update, annotation_id,
                   result=spans_to_results(text, spans, self.schema))

    # -- pull ----------------------------------------------------------------------------------------
    def iter_tasks(self, project: int) -> Iterator[Any]:
        self.get_project(project)  # a clear error for a missing project
        it = iter(self._call(f"list tasks of project {project}", self.ls.tasks.list, project=project,
                             fields="all", page_size=100))
        while True:
            try:
                t = self._call(f"list tasks of project {project}", next, it)
            except StopIteration:
                return
            yield t

    def pull(self, project: int, store: PullStore, progress: bool = False) -> PullResult:
        """Fetch annotations of `project` into `store`: new versions are appended, known ones skipped.

        Safe to interrupt and re-run: each version is written (and flushed) as it arrives."""
        from tqdm import tqdm

        users = self.users(refresh=True)
        res = PullResult()
        for t in tqdm(self.iter_tasks(project), desc="pull", unit="task", disable=not progress):
            res.tasks += 1
            anns = _get(t, "annotations") or []
            if not anns:
                continue
            if store.add_task(t.id, _jsonable(_get(t, "data")), project):
                res.new_tasks += 1
            for a in anns:
                aid, upd = _get(a, "id"), str(_get(a, "updated_at"))
                if store.has(aid, upd):
                    res.unchanged += 1
                    continue
                uid = _get(a, "completed_by")
                rec = {"annotation_id": aid, "updated_at": upd, "task_id": t.id, "project": project,
                       "completed_by": uid, "annotator": users.get(uid, f"user{uid}"),
                       "was_cancelled": bool(_get(a, "was_cancelled")), "lead_time": _get(a, "lead_time"),
                       "result": _jsonable(_get(a, "result") or [])}
                store.add_annotation(rec)
                res.new += 1
        return res

    # -- export --------------------------------------------------------------------------------------
    def export_json(self, project: int, annotators: bool = True) -> list[dict[str, Any]]:
        """The server's own JSON export (all tasks). The export names an annotation's author by user id only
        (`completed_by`); with `annotators` each annotation also gets `"annotator": <e-mail>` (the key the
        JSON_MIN export uses), so `corpus convert` of the file keeps who annotated what."""
        chunks = self._call(f"export project {project}", lambda: b"".join(
            self.ls.projects.exports.download_sync(project, export_type="JSON", download_all_tasks=True)),
            for_project=project)
        data = json.loads(chunks)
        if annotators:
            users = self.users()
            for task in data:
                for a in task.get("annotations") or []:
                    uid = a.get("completed_by")
                    uid = uid.get("id") if isinstance(uid, dict) else uid
                    if uid in users and not a.get("annotator"):
                        a["annotator"] = users[uid]
        return data


def _jsonable(x: Any) -> Any:
    if hasattr(x, "model_dump"):
        return x.model_dump(mode="json")
    return json.loads(json.dumps(x, default=str))


def _short(body: Any, n: int = 200) -> str:
    """What went wrong, without echoing task text back (a server's validation error may quote it)."""
    if isinstance(body, dict):
        detail = body.get("detail") or body.get("message") or ""
        fields = sorted(k for k in body if k not in ("detail", "message", "status_code"))
        return (str(detail)[:n] + (f" (fields: {', '.join(fields)})" if fields else "")).strip()
    return str(body)[:n]
