using System.Text.Json.Nodes;
using Tutor.Sandbox.Controllers.Probes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// The kubelets of the sandbox: once the scheduler has bound a Pod to a node, plays its containers —
/// image pulls against the image catalogue, env references, init containers in order, start after
/// <see cref="SandboxOptions.PodStartDelay"/>, exits and restarts with back-off — and writes the status a
/// real kubelet would, with events. Timers fire only while something is due.
/// </summary>
public sealed class PodLifecycle : IReconciler
{
    private const string Kubelet = "kubelet";
    private readonly Dictionary<string, PodRun> _runs = new();
    private readonly ImageCatalogue _images;
    private int _nextIp = 10;

    public PodLifecycle(ImageCatalogue? images = null) => _images = images ?? ImageCatalogue.Shipped;

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.Pod)
        {
            if (change.Type == "DELETED") lock (_runs) _runs.Remove(Meta.Uid(change.Object));
            else loop.Enqueue(this, Meta.Key(ResourceTypes.Pod, change.Object));
        }
        else if (change.Resource == ResourceTypes.Service || change.Resource == ResourceTypes.ConfigMap || change.Resource == ResourceTypes.Secret
                 || change.Resource == ResourceTypes.Endpoints)
        {
            // A Service, ConfigMap or Secret appearing, or a Pod becoming ready behind a Service (its own DNS name now
            // resolves), may unblock waiting containers in that namespace.
            foreach (var pod in loop.Store.List(ResourceTypes.Pod, change.Namespace).Items.Where(p => !PodState.IsReady(p) && PodState.IsActive(p)))
                loop.Enqueue(this, Meta.Key(ResourceTypes.Pod, pod));
        }
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var pod = loop.Store.Get(key);
        if (pod is null || Meta.IsDeleting(pod)) return;
        var spec = pod["spec"] as JsonObject ?? new JsonObject();
        // Placing the Pod is the scheduler's job; the kubelet starts once it is bound to a node.
        if (spec["nodeName"] is null) return;

        PodRun run;
        lock (_runs)
        {
            var uid = Meta.Uid(pod);
            if (!_runs.TryGetValue(uid, out run!))
            {
                run = new PodRun(loop.Now + loop.Options.PodStartDelay);
                _runs[uid] = run;
                loop.EnqueueAfter(loop.Options.PodStartDelay, this, key);
            }
        }

        Sync(run.Init, spec["initContainers"]);
        Sync(run.Main, spec["containers"]);
        var now = loop.Now;
        if (now >= run.StartAt) Advance(pod, spec, run, now, loop);
        var probeDue = now >= run.StartAt ? Probe(pod, spec, run, now, loop) : null;

        var status = Status(pod, spec, run, loop);
        loop.Store.Mutate(key, p => Meta.Set(p, "status", status));

        var next = run.Init.Concat(run.Main).Select(c => c.NextAt).Where(t => t > now).DefaultIfEmpty(null).Min();
        if (probeDue is { } probe && (next is null || probe < next)) next = probe;
        if (now < run.StartAt) next = run.StartAt;
        if (next is { } due) loop.EnqueueAfter(due - now, this, key);
    }

    /// <summary>Matches the run's containers to the spec; a changed image starts that container over.</summary>
    private static void Sync(List<ContainerRun> runs, JsonNode? containers)
    {
        foreach (var c in (containers as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var name = c["name"]?.GetValue<string>() ?? "";
            var image = c["image"]?.GetValue<string>() ?? "";
            var run = runs.FirstOrDefault(r => r.Name == name);
            if (run is null) runs.Add(new ContainerRun(name, image));
            else if (run.Image != image)
            {
                run.Image = image;
                run.Phase = ContainerPhase.Creating;
                run.Reason = "ContainerCreating";
                run.NextAt = null;
            }
        }
    }

    private void Advance(JsonObject pod, JsonObject spec, PodRun run, DateTimeOffset now, ControllerLoop loop)
    {
        var ns = Meta.Namespace(pod);
        var restartPolicy = spec["restartPolicy"]?.GetValue<string>() ?? "Always";
        var initSpecs = (spec["initContainers"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        foreach (var init in run.Init)
        {
            if (init.Phase == ContainerPhase.Terminated && init.ExitCode == 0) continue;
            Step(pod, initSpecs.First(c => c["name"]?.GetValue<string>() == init.Name), init, ns, restartPolicy == "Always" ? "OnFailure" : restartPolicy, now, loop);
            if (!(init.Phase == ContainerPhase.Terminated && init.ExitCode == 0)) return;
        }

        run.StartedAt ??= now;
        var mainSpecs = (spec["containers"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        foreach (var container in run.Main)
            Step(pod, mainSpecs.First(c => c["name"]?.GetValue<string>() == container.Name), container, ns, restartPolicy, now, loop);
    }

    private void Step(JsonObject pod, JsonObject container, ContainerRun run, string ns, string restartPolicy, DateTimeOffset now, ControllerLoop loop)
    {
        var delay = loop.Options.PodStartDelay;
        switch (run.Phase)
        {
            case ContainerPhase.Terminated:
                return;
            case ContainerPhase.Running when run.NextAt is { } exitAt && now >= exitAt:
                Exit(pod, run, restartPolicy, now, loop);
                return;
            case ContainerPhase.Running:
                return;
            case ContainerPhase.Waiting when run.Reason == "ErrImagePull" && run.NextAt is { } at && now >= at:
                run.Reason = "ImagePullBackOff";
                run.Message = $"Back-off pulling image \"{run.Image}\"";
                run.NextAt = null;
                loop.Events.Normal(pod, "BackOff", run.Message, Kubelet);
                return;
            case ContainerPhase.Waiting when run.Reason is "ErrImagePull" or "ImagePullBackOff":
                return;
            case ContainerPhase.Waiting when run.Reason == "CrashLoopBackOff" && run.NextAt is { } until && now < until:
                return;
        }

        // Creating, blocked, config error or back-off over: try to start it.
        if (_images.Find(run.Image, out var failure) is not { } profile)
        {
            if (run.Reason == "ErrImagePull") return;
            run.Phase = ContainerPhase.Waiting;
            run.Reason = "ErrImagePull";
            run.Message = failure;
            run.NextAt = now + delay;
            loop.Events.Normal(pod, "Pulling", $"Pulling image \"{run.Image}\"", Kubelet);
            loop.Events.Warning(pod, "Failed", $"Failed to pull image \"{run.Image}\": {failure}", Kubelet);
            loop.Events.Warning(pod, "Failed", "Error: ErrImagePull", Kubelet);
            return;
        }

        if (ContainerBehaviour.ConfigProblem(container, ns, loop.Store) is { } problem)
        {
            if (run.Reason != "CreateContainerConfigError") loop.Events.Warning(pod, "Failed", $"Error: {problem}", Kubelet);
            run.Phase = ContainerPhase.Waiting;
            run.Reason = "CreateContainerConfigError";
            run.Message = problem;
            return;
        }

        var outcome = ContainerBehaviour.Decide(container, profile, ns, loop.Store);
        var wasBlocked = run.Phase == ContainerPhase.Blocked;
        if (outcome.Kind == ContainerOutcomeKind.WaitsForHosts)
        {
            if (!wasBlocked) StartedEvents(pod, run, loop);
            run.Phase = ContainerPhase.Blocked;
            run.StartedAt ??= now;
            run.Reason = null;
            run.Message = $"waiting for {string.Join(", ", outcome.Hosts!)} to resolve";
            return;
        }

        if (!wasBlocked) StartedEvents(pod, run, loop);
        run.Phase = ContainerPhase.Running;
        run.Reason = null;
        run.Message = null;
        run.StartedAt = wasBlocked ? run.StartedAt : now;
        run.EverStarted = true;
        run.NextAt = outcome.Kind == ContainerOutcomeKind.Exits ? now + outcome.RunFor : null;
        run.PendingExitCode = outcome.ExitCode;
        run.PendingExitMessage = outcome.Message;
        if (outcome.Kind == ContainerOutcomeKind.Exits && outcome.RunFor == TimeSpan.Zero) Exit(pod, run, restartPolicy, now, loop);
    }

    private void AssignIp(PodRun run)
    {
        if (run.PodIp is not null) return;
        var n = Interlocked.Increment(ref _nextIp);
        run.PodIp = $"10.244.{n / 250 % 250}.{n % 250 + 2}";
    }

    /// <summary>
    /// Runs the probes of the running containers on the probe clock: reports each failing probe once, kills a
    /// container whose liveness or startup probe reached its threshold, and says when next something changes.
    /// </summary>
    private DateTimeOffset? Probe(JsonObject pod, JsonObject spec, PodRun run, DateTimeOffset now, ControllerLoop loop)
    {
        AssignIp(run);
        var second = loop.Options.ProbeSecond.Ticks > 0 ? loop.Options.ProbeSecond : TimeSpan.FromSeconds(1);
        var restartPolicy = spec["restartPolicy"]?.GetValue<string>() ?? "Always";
        var specs = (spec["containers"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        DateTimeOffset? due = null;
        foreach (var c in run.Main)
        {
            var container = specs.FirstOrDefault(s => s["name"]?.GetValue<string>() == c.Name);
            if (c.Phase != ContainerPhase.Running || container is null || c.StartedAt is not { } since || _images.Find(c.Image, out _) is not { } profile)
            {
                c.Ready = false;
                c.Started = false;
                continue;
            }

            if (c.ProbedInstance != since)
            {
                c.ProbedInstance = since;
                c.ProbesReported.Clear();
            }

            var timeline = new ProbeTimeline(container, profile, run.PodIp!);
            var elapsed = (now - since) / second;
            foreach (var (probe, at, message) in timeline.Failures)
                if (at <= elapsed && c.ProbesReported.Add(probe))
                    loop.Events.Warning(pod, "Unhealthy", $"{probe} probe failed: {message}", Kubelet);
            if (elapsed >= timeline.KillAt)
            {
                loop.Events.Normal(pod, "Killing", $"Container {c.Name} failed {timeline.KillProbe} probe, will be restarted", Kubelet);
                c.PendingExitCode = 137;
                c.PendingExitMessage = null;
                c.Ready = false;
                c.Started = false;
                Exit(pod, c, restartPolicy, now, loop);
                continue;
            }

            c.Ready = timeline.Ready(elapsed);
            c.Started = timeline.Started(elapsed);
            if (timeline.NextAfter(elapsed) is { } next && (due is null || since + next * second < due)) due = since + next * second;
        }

        return due;
    }

    private static void StartedEvents(JsonObject pod, ContainerRun run, ControllerLoop loop)
    {
        loop.Events.Normal(pod, "Pulled", $"Container image \"{run.Image}\" already present on machine", Kubelet);
        loop.Events.Normal(pod, "Created", $"Created container {run.Name}", Kubelet);
        loop.Events.Normal(pod, "Started", $"Started container {run.Name}", Kubelet);
    }

    private static void Exit(JsonObject pod, ContainerRun run, string restartPolicy, DateTimeOffset now, ControllerLoop loop)
    {
        var code = run.PendingExitCode;
        var terminated = new JsonObject
        {
            ["exitCode"] = code,
            ["reason"] = code == 0 ? "Completed" : "Error",
            ["startedAt"] = Stamp(run.StartedAt ?? now),
            ["finishedAt"] = Stamp(now),
            ["containerID"] = ContainerId(pod, run),
        };
        if (run.PendingExitMessage is { } message) terminated["message"] = message;
        var restart = restartPolicy == "Always" || (restartPolicy == "OnFailure" && code != 0);
        if (!restart)
        {
            run.Phase = ContainerPhase.Terminated;
            run.ExitCode = code;
            run.Terminated = terminated;
            run.NextAt = null;
            return;
        }

        run.Restarts++;
        run.LastTerminated = terminated;
        run.Phase = ContainerPhase.Waiting;
        run.Reason = "CrashLoopBackOff";
        var backOff = TimeSpan.FromTicks(Math.Min(loop.Options.PodStartDelay.Ticks * 2 * (1L << Math.Min(run.Restarts - 1, 6)), TimeSpan.FromMinutes(1).Ticks));
        run.Message = $"back-off {backOff.TotalSeconds:0}s restarting failed container={run.Name} pod={Meta.Name(pod)}_{Meta.Namespace(pod)}({Meta.Uid(pod)})";
        run.NextAt = now + backOff;
        loop.Events.Warning(pod, "BackOff", "Back-off restarting failed container " + run.Name, Kubelet);
    }

    private JsonObject Status(JsonObject pod, JsonObject spec, PodRun run, ControllerLoop loop)
    {
        var started = loop.Now >= run.StartAt;
        var initDone = run.Init.All(c => c.Phase == ContainerPhase.Terminated && c.ExitCode == 0);
        var allRunning = initDone && run.Main.Count > 0 && run.Main.All(c => c.Phase == ContainerPhase.Running && c.Ready);
        var allTerminated = run.Main.Count > 0 && run.Main.All(c => c.Phase == ContainerPhase.Terminated);
        var phase = allTerminated ? (run.Main.All(c => c.ExitCode == 0) ? "Succeeded" : "Failed")
            : initDone && run.Main.Any(c => c.EverStarted) ? "Running"
            : "Pending";
        if (started) AssignIp(run);

        var hostIp = loop.Store.Get(new ObjectKey(ResourceTypes.Node, "", spec["nodeName"]!.GetValue<string>()))?["status"]?["addresses"]?[0]?["address"]?.DeepClone();
        var readyReason = allTerminated ? "PodCompleted" : allRunning ? null : "ContainersNotReady";
        var notReady = string.Join(" ", run.Main.Where(c => c.Phase != ContainerPhase.Running || !c.Ready).Select(c => c.Name));
        var conditions = new JsonArray(
            Condition(run, loop, "PodReadyToStartContainers", started ? "True" : "False"),
            Condition(run, loop, "Initialized", initDone ? "True" : "False", initDone ? null : "ContainersNotInitialized",
                initDone ? null : $"containers with incomplete status: [{string.Join(" ", run.Init.Where(c => c.Phase != ContainerPhase.Terminated).Select(c => c.Name))}]"),
            Condition(run, loop, "Ready", allRunning ? "True" : "False", readyReason, allRunning || allTerminated ? null : $"containers with unready status: [{notReady}]"),
            Condition(run, loop, "ContainersReady", allRunning ? "True" : "False", readyReason, allRunning || allTerminated ? null : $"containers with unready status: [{notReady}]"),
            Condition(run, loop, "PodScheduled", "True"));

        var status = new JsonObject
        {
            ["phase"] = phase,
            ["conditions"] = conditions,
            ["hostIP"] = hostIp,
            ["hostIPs"] = hostIp is null ? null : new JsonArray(new JsonObject { ["ip"] = hostIp.DeepClone() }),
            ["qosClass"] = QosClass.Of(spec),
        };
        if (run.PodIp is not null)
        {
            status["podIP"] = run.PodIp;
            status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = run.PodIp });
        }

        if (run.StartedAt is { } startTime || started) status["startTime"] = Stamp(run.StartedAt ?? run.StartAt);
        if (run.Init.Count > 0) status["initContainerStatuses"] = new JsonArray(run.Init.Select(c => (JsonNode)ContainerStatus(pod, c, init: true, initDone)).ToArray());
        status["containerStatuses"] = new JsonArray(run.Main.Select(c => (JsonNode)ContainerStatus(pod, c, init: false, initDone)).ToArray());
        foreach (var empty in status.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList()) status.Remove(empty);
        return status;
    }

    private static JsonObject ContainerStatus(JsonObject pod, ContainerRun c, bool init, bool initDone)
    {
        JsonObject state = c.Phase switch
        {
            ContainerPhase.Running or ContainerPhase.Blocked => new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Stamp(c.StartedAt!.Value) } },
            ContainerPhase.Terminated => new JsonObject { ["terminated"] = c.Terminated!.DeepClone() },
            ContainerPhase.Creating when !init && !initDone => new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "PodInitializing" } },
            _ => new JsonObject { ["waiting"] = Waiting(c) },
        };
        var status = new JsonObject
        {
            ["name"] = c.Name,
            ["image"] = c.Image,
            ["imageID"] = c.EverStarted ? $"sandbox://{ImageCatalogue.Split(c.Image).Repository}" : "",
            ["ready"] = c.Phase == ContainerPhase.Running && c.Ready && !init || (init && c.Phase == ContainerPhase.Terminated && c.ExitCode == 0),
            ["restartCount"] = c.Restarts,
            ["started"] = c.Phase is ContainerPhase.Running && c.Started || c.Phase is ContainerPhase.Blocked,
            ["state"] = state,
            ["lastState"] = c.LastTerminated is null ? new JsonObject() : new JsonObject { ["terminated"] = c.LastTerminated.DeepClone() },
        };
        if (c.EverStarted) status["containerID"] = ContainerId(pod, c);
        return status;
    }

    private static JsonObject Waiting(ContainerRun c)
    {
        var waiting = new JsonObject { ["reason"] = c.Reason ?? "ContainerCreating" };
        if (c.Message is not null) waiting["message"] = c.Message;
        return waiting;
    }

    private static JsonObject Condition(PodRun run, ControllerLoop loop, string type, string status, string? reason = null, string? message = null)
    {
        if (!run.Conditions.TryGetValue(type, out var known) || known.Status != status)
        {
            known = (status, loop.Timestamp());
            run.Conditions[type] = known;
        }

        var condition = new JsonObject { ["type"] = type, ["status"] = status, ["lastProbeTime"] = null, ["lastTransitionTime"] = known.Time };
        if (reason is not null) condition["reason"] = reason;
        if (message is not null) condition["message"] = message;
        return condition;
    }

    private static string ContainerId(JsonObject pod, ContainerRun c) =>
        "containerd://" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{Meta.Uid(pod)}/{c.Name}/{c.Restarts}"))).ToLowerInvariant();

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
