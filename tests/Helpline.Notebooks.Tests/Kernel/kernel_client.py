"""Drives the Helpline C# kernel with Jupyter's own clients (Debian's python3-nbclient, python3-jupyter-client).

notebook IN OUT CWD   execute IN with nbclient (errors allowed), write OUT, print {"seconds": ...}
protocol CWD          start the kernel with jupyter_client and print what it answered, as JSON
The kernelspec is found through JUPYTER_PATH, which the test sets to its own prefix.
"""
import json
import queue
import sys
import time

KERNEL = "helpline-csharp"
SETUP = [
    '#r "../artifacts/bin/Helpline.Analysis/debug/Helpline.Analysis.dll"\nusing Helpline.Analysis; NotebookDisplay.Register();',
    'var register = "../data/register/contacts.csv";\nvar web = "../data/register/web-visits.csv";\nvar threshold = 5;\nvar suppress = true;',
    "var data = HelplineData.Load(register, web, threshold, suppress);",
]


def notebook(source, target, cwd):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(source, as_version=4)
    start = time.monotonic()
    NotebookClient(nb, kernel_name=KERNEL, timeout=120, allow_errors=True, resources={"metadata": {"path": cwd}}).execute()
    nbformat.write(nb, target)
    print(json.dumps({"seconds": round(time.monotonic() - start, 2)}))


def run(kc, code, timeout=60):
    """Executes code; returns the reply's content and the iopub messages of the request, up to idle."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    published = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        published.append({"type": msg["msg_type"], "content": msg["content"]})
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], published


def answer(kc, msg_id, timeout=30):
    """The content of the shell reply to msg_id."""
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def protocol(cwd):
    from jupyter_client.manager import KernelManager
    from jupyter_client.session import Session

    result = {}
    km = KernelManager(kernel_name=KERNEL)
    start = time.monotonic()
    km.start_kernel(cwd=cwd)
    kc = km.blocking_client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        result["ready_seconds"] = round(time.monotonic() - start, 2)
        reply, _ = run(kc, SETUP[0])
        result["first_result_seconds"] = round(time.monotonic() - start, 2)
        result["kernel_info"] = kc.kernel_info(reply=True, timeout=10)["content"]

        # A request signed with the wrong key gets no answer; a signed one still does.
        forger = Session(key=b"not-the-connection-key", username="intruder")
        forged = forger.msg("kernel_info_request")
        forger.send(kc.shell_channel.socket, forged)
        try:
            answered = kc.get_shell_msg(timeout=3)
            result["forged_answered"] = answered["parent_header"].get("msg_id") == forged["header"]["msg_id"]
        except queue.Empty:
            result["forged_answered"] = False
        result["signed_answered_after"] = kc.kernel_info(reply=True, timeout=10)["content"]["status"] == "ok"

        for code in SETUP[1:]:
            run(kc, code)
        text = "data.Contacts.An"
        result["complete"] = kc.complete(text, len(text), reply=True, timeout=30)["content"]
        result["is_complete"] = [answer(kc, kc.is_complete(c))["status"] for c in ["var x = 1;", "if (true) {"]]
        result["history"] = kc.history(reply=True, timeout=10)["content"]

        # Interrupt: a cell that never ends, stopped by interrupt_request on the control channel.
        msg_id = kc.execute("while (true) { }")
        time.sleep(1.5)
        interrupted_at = time.monotonic()
        km.interrupt_kernel()
        result["interrupted"] = answer(kc, msg_id)
        result["interrupt_seconds"] = round(time.monotonic() - interrupted_at, 2)
        reply, published = run(kc, "data.Contacts.Total()")
        result["after_interrupt"] = {"reply": reply, "published": published}
        reply, published = run(kc, 'throw new InvalidOperationException("this cell fails on purpose");')
        result["failing"] = {"reply": reply, "published": published}
        reply, published = run(kc, "data.Contacts.ToDataFrame()")
        result["raw"] = {"reply": reply, "published": published}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        result["shutdown_clean"] = not km.is_alive()
    print(json.dumps(result))


if __name__ == "__main__":
    if sys.argv[1] == "notebook":
        notebook(*sys.argv[2:5])
    else:
        protocol(sys.argv[2])
