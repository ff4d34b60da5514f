"""Regenerates the worked example of docs/context.md against the real service: starts the API's Release build on a
throwaway embedded cluster, seeds one user through the API, asks for the context of a Japanese question and prints
the request and the answer. Stops the service by its PID. Usage: python3 tools/context-example/run.py"""

import hashlib, json, os, secrets, signal, socket, subprocess, sys, tempfile, time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
DLL = REPO / "src/Api/bin/Release/net10.0/NakamuraMisaki.Api.dll"
USER, COLLEAGUE = "U0MISAKI1", "U0TANAKA2"


def port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    data, key, api_port = Path(tempfile.mkdtemp(prefix="context-example-")), secrets.token_hex(16), port()
    data.chmod(0o755)  # as root, the cluster runs as 'postgres', which must reach its directory
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ConnectionStrings__", "Auth__"))}
    env.update({"ASPNETCORE_ENVIRONMENT": "Production", "ASPNETCORE_URLS": f"http://127.0.0.1:{api_port}",
                "Database__Embedded__DataDirectory": str(data / "pg"), "Database__Embedded__Port": str(port()),
                "Auth__ApiKeys__0__Client": "example", "Auth__ApiKeys__0__Sha256": hashlib.sha256(key.encode()).hexdigest(),
                "Reminders__Enabled": "false", "Logging__LogLevel__Default": "Warning"})
    with open(data / "api.log", "wb") as log:
        api = subprocess.Popen(["dotnet", str(DLL)], cwd=DLL.parent, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{api_port}"
        for _ in range(240):
            if api.poll() is not None:
                sys.exit(f"the API exited: {(data / 'api.log').read_text()[-2000:]}")
            try:
                if httpx.get(f"{base}/health/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        run(httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30))
    finally:
        api.send_signal(signal.SIGTERM)
        api.wait(timeout=60)


def run(http: httpx.Client) -> None:
    def post(path, body, user=USER):
        response = http.post(path, json=body, headers={"X-Slack-User-Id": user})
        response.raise_for_status()
        return response.json()

    now = datetime.now(timezone.utc)
    post("/api/v1/sessions", {"session_id": "slack-C0DEV-1718412345", "title": "移行の相談"})
    post("/api/v1/sessions/slack-C0DEV-1718412345/messages/batch", {"messages": [
        {"role": "user", "content": "来週の本番DB移行、準備はどこまで進んでる?"},
        {"role": "assistant", "content": "リハーサルは完了しています。残りは切り替え手順の最終確認です。"},
        {"role": "user", "content": "切り替えのとき、アプリはどう止めればいい?"}]})
    post("/api/v1/sessions", {"session_id": "slack-C0DEV-1717000000", "title": "先月の障害"})
    post("/api/v1/sessions/slack-C0DEV-1717000000/messages/batch", {"messages": [
        {"role": "user", "content": "先月の移行リハーサルで書き込みが止まらなかった原因は?"},
        {"role": "assistant", "content": "ワーカーがメンテナンスモードを無視していました。切り替え前にワーカーを先に止める必要があります。"}]})
    post("/api/v1/notes", {"content": "本番DB切り替え手順: 1. メンテナンスモード ON 2. ワーカー停止 3. レプリケーション遅延 0 を確認 4. 接続先を切り替え", "category": "decisions"})
    post("/api/v1/notes", {"content": "切り替え中はアプリを read-only にすると、問い合わせが減る", "category": "learnings"})
    post("/api/v1/notes", {"content": "来月の歓迎会はイタリアンで予約済み", "category": "todos"})
    post("/api/v1/tasks", {"title": "切り替え手順書のレビュー", "assignee_user_id": USER,
                           "due_at": (now - timedelta(hours=20)).isoformat()})
    post("/api/v1/tasks", {"title": "移行当日の連絡体制を決める", "assignee_user_id": USER,
                           "due_at": (now + timedelta(hours=3)).isoformat()})
    post("/api/v1/handoffs", {"to_user_id": USER, "progress_note": "監視ダッシュボードの移行先対応は半分まで",
                              "next_steps": "レプリケーション遅延のアラートを追加"}, user=COLLEAGUE)

    request = {"query": "切り替えのとき、アプリはどう止めればいい?", "session_id": "slack-C0DEV-1718412345",
               "budget_tokens": 300}
    answer = post("/api/v1/context", request)
    print(json.dumps({"request": request, "response": answer}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    sys.exit(main())
