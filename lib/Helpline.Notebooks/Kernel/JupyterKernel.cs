using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Helpline.Notebooks.Hosting;
using NetMQ;
using NetMQ.Sockets;

namespace Helpline.Notebooks.Kernel;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3 over ZeroMQ): heartbeat, shell, control, stdin and iopub sockets on one
/// NetMQ poller thread, which only moves frames. Requests run on worker tasks, one shell request at a time, so a long
/// cell never blocks the heartbeat or an interrupt; every send goes back through the poller's queue, because a NetMQ
/// socket belongs to one thread.
/// </summary>
internal sealed class JupyterKernel : IDisposable
{
    private readonly ConnectionFile _connection;
    private readonly byte[] _key;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<(NetMQSocket Socket, List<byte[]> Frames)> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly Channel<JupyterMessage> _shellRequests = Channel.CreateUnbounded<JupyterMessage>(new() { SingleReader = true });
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<CSharpSession> _csharpReady;
    private readonly TaskCompletionSource _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PlotlyLoader _charts;
    private readonly TextWriter _log;
    private int _executionCount;

    public JupyterKernel(ConnectionFile connection, PlotlyLoader charts, TextWriter log)
    {
        _connection = connection;
        _key = Encoding.UTF8.GetBytes(connection.Key);
        _charts = charts;
        _log = log;
        // The C# kernel starts, and compiles a first submission, while the client connects: Roslyn's first
        // compilation is most of a cold start.
        _csharpReady = _bound.Task.ContinueWith(_ => CSharpSession.StartAsync(), TaskScheduler.Default).Unwrap();
        _poller = [_shell, _control, _stdin, _iopub, _heartbeat, _outbox];
        _shell.ReceiveReady += (_, e) => Receive(e.Socket, m => _shellRequests.Writer.TryWrite(m));
        _control.ReceiveReady += (_, e) => Receive(e.Socket, m => _ = Task.Run(() => HandleControlAsync(m)));
        _stdin.ReceiveReady += (_, e) => e.Socket.SkipMultipartMessage();
        _heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartMessage(e.Socket.ReceiveMultipartMessage());
        _outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var item, TimeSpan.Zero))
                item.Socket.SendMultipartBytes(item.Frames);
        };
    }

    /// <summary>Messages received whose signature did not match (they are dropped unanswered).</summary>
    public int Rejected { get; private set; }

    /// <summary>Listens until a shutdown request.</summary>
    public async Task RunAsync()
    {
        _shell.Bind(_connection.Address(_connection.ShellPort));
        _control.Bind(_connection.Address(_connection.ControlPort));
        _stdin.Bind(_connection.Address(_connection.StdinPort));
        _iopub.Bind(_connection.Address(_connection.IopubPort));
        _heartbeat.Bind(_connection.Address(_connection.HeartbeatPort));
        _poller.RunAsync("jupyter-poller");
        _bound.TrySetResult();
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        var worker = Task.Run(ShellLoopAsync);
        await _stopped.Task;
        _shellRequests.Writer.TryComplete();
        // Let the last replies leave before the sockets close.
        await Task.Delay(100);
        _poller.Stop();
        _ = worker;
    }

    private void Receive(NetMQSocket socket, Action<JupyterMessage> handle)
    {
        var frames = socket.ReceiveMultipartBytes();
        var message = JupyterMessage.Decode(frames, _key, out var problem);
        if (message is null)
        {
            Rejected++;
            _log.WriteLine($"kernel: message dropped: {problem}");
            return;
        }
        handle(message);
    }

    private async Task ShellLoopAsync()
    {
        await foreach (var request in _shellRequests.Reader.ReadAllAsync())
        {
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
            try
            {
                await HandleShellAsync(request);
            }
            catch (Exception e)
            {
                _log.WriteLine($"kernel: {request.Type} failed: {e}");
                Reply(_shell, request, new JsonObject { ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = e.Message, ["traceback"] = new JsonArray() });
            }
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    private async Task HandleShellAsync(JupyterMessage request)
    {
        var content = request.Content;
        var csharp = request.Type is "execute_request" or "complete_request" or "inspect_request" ? await _csharpReady : null;
        switch (request.Type)
        {
            case "kernel_info_request":
                Reply(_shell, request, KernelInfo());
                break;
            case "execute_request":
                await ExecuteAsync(csharp!, request);
                break;
            case "complete_request":
                {
                    var code = (string?)content["code"] ?? "";
                    var (matches, start, end) = await csharp!.CompleteAsync(code, (int?)content["cursor_pos"] ?? code.Length);
                    Reply(_shell, request, new JsonObject
                    {
                        ["status"] = "ok",
                        ["matches"] = new JsonArray([.. matches.Select(m => JsonValue.Create(m))]),
                        ["cursor_start"] = start,
                        ["cursor_end"] = end,
                        ["metadata"] = new JsonObject(),
                    });
                    break;
                }
            case "inspect_request":
                {
                    var code = (string?)content["code"] ?? "";
                    var found = await csharp!.InspectAsync(code, (int?)content["cursor_pos"] ?? code.Length);
                    var data = new JsonObject();
                    foreach (var value in found)
                        data[value.MimeType] = value.Value;
                    if (found.Count > 0 && !data.ContainsKey("text/plain"))
                        data["text/plain"] = found[0].Value;
                    Reply(_shell, request, new JsonObject { ["status"] = "ok", ["found"] = found.Count > 0, ["data"] = data, ["metadata"] = new JsonObject() });
                    break;
                }
            case "is_complete_request":
                {
                    var status = CSharpSession.IsComplete((string?)content["code"] ?? "");
                    var reply = new JsonObject { ["status"] = status };
                    if (status == "incomplete")
                        reply["indent"] = "";
                    Reply(_shell, request, reply);
                    break;
                }
            case "history_request":
                Reply(_shell, request, new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "comm_info_request":
                Reply(_shell, request, new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "shutdown_request":
                Shutdown(_shell, request);
                break;
            default:
                _log.WriteLine($"kernel: {request.Type} is not handled");
                break;
        }
    }

    private Task HandleControlAsync(JupyterMessage request)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        switch (request.Type)
        {
            case "interrupt_request":
                Interrupt();
                Reply(_control, request, new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(_control, request);
                break;
            case "kernel_info_request":
                Reply(_control, request, KernelInfo());
                break;
            default:
                _log.WriteLine($"kernel: {request.Type} on control is not handled");
                break;
        }
        Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        return Task.CompletedTask;
    }

    private void Interrupt()
    {
        if (_csharpReady.IsCompletedSuccessfully)
            _csharpReady.Result.Interrupt();
    }

    private void Shutdown(NetMQSocket socket, JupyterMessage request)
    {
        Interrupt();
        Reply(socket, request, new JsonObject { ["status"] = "ok", ["restart"] = (bool?)request.Content["restart"] ?? false });
        _stopped.TrySetResult();
    }

    private async Task ExecuteAsync(CSharpSession csharp, JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        bool silent = (bool?)request.Content["silent"] ?? false;
        bool store = !silent && ((bool?)request.Content["store_history"] ?? true);
        if (store)
            _executionCount++;
        int count = _executionCount;
        if (!silent)
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        var outcome = await csharp.ExecuteAsync(code, count);
        if (!silent)
        {
            foreach (var output in outcome.Outputs)
                Publish(output, outcome.DisplayIds.GetValueOrDefault(output), request);
            foreach (var (id, data) in outcome.EarlierUpdates)
                Publish("update_display_data", new JsonObject { ["data"] = _charts.ForEditor(data), ["metadata"] = new JsonObject(), ["transient"] = new JsonObject { ["display_id"] = id } }, request);
        }
        var reply = outcome.Error is null
            ? new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["payload"] = new JsonArray(), ["user_expressions"] = new JsonObject() }
            : new JsonObject { ["status"] = "error", ["execution_count"] = count, ["ename"] = ErrorName(outcome), ["evalue"] = outcome.Error, ["traceback"] = Traceback(outcome) };
        Reply(_shell, request, reply);
    }

    /// <summary>An nbformat output of the host as the iopub message that shows it.</summary>
    private void Publish(JsonObject output, string? displayId, JupyterMessage request)
    {
        var type = (string)output["output_type"]!;
        var content = (JsonObject)output.DeepClone();
        content.Remove("output_type");
        if (content["data"] is JsonObject data)
            content["data"] = _charts.ForEditor(data);
        if (type == "error")
            content["traceback"] = new JsonArray(JsonValue.Create($"{content["ename"]}: {content["evalue"]}"));
        if (type == "display_data")
            content["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId };
        Publish(type, content, request);
    }

    private static string ErrorName(CellOutcome outcome) =>
        (string?)outcome.Outputs.LastOrDefault(o => (string?)o["output_type"] == "error")?["ename"] ?? "Error";

    private static JsonArray Traceback(CellOutcome outcome) => new(JsonValue.Create($"{ErrorName(outcome)}: {outcome.Error}"));

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "helpline-csharp",
        ["implementation_version"] = typeof(JupyterKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0",
        ["language_info"] = KernelSpec.LanguageInfo(),
        ["banner"] = "Helpline C#: the publishing host's C# kernel, behind the same release gate",
        ["help_links"] = new JsonArray(),
    };

    private void Reply(NetMQSocket socket, JupyterMessage request, JsonObject content) =>
        _outbox.Enqueue((socket, JupyterMessage.Create(request.Type.Replace("_request", "_reply", StringComparison.Ordinal), content, request, _session).Encode(_key)));

    private void Publish(string type, JsonObject content, JupyterMessage? parent) =>
        _outbox.Enqueue((_iopub, JupyterMessage.Create(type, content, parent, _session, []).Encode(_key, Encoding.ASCII.GetBytes($"kernel.{_session}.{type}"))));

    public void Dispose()
    {
        _poller.Dispose();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
            socket.Dispose();
        _outbox.Dispose();
        if (_csharpReady.IsCompletedSuccessfully)
            _csharpReady.Result.Dispose();
    }
}
