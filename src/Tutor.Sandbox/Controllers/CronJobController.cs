using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Creates a CronJob's Jobs when its schedule comes due (one timer per CronJob, set for the next time, never a
/// polling loop), honours suspend and concurrencyPolicy, keeps only the history limits' worth of finished
/// Jobs, and reports active Jobs, lastScheduleTime and lastSuccessfulTime.
/// </summary>
public sealed class CronJobController : IReconciler
{
    private readonly Dictionary<ObjectKey, DateTimeOffset> _timers = new();

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.CronJob && change.Type != "DELETED")
            loop.Enqueue(this, Meta.Key(ResourceTypes.CronJob, change.Object));
        else if (change.Resource == ResourceTypes.Job && Meta.ControllerRef(change.Object) is { } owner && owner["kind"]?.GetValue<string>() == "CronJob")
            loop.Enqueue(this, new ObjectKey(ResourceTypes.CronJob, change.Namespace, owner["name"]!.GetValue<string>()));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var store = loop.Store;
        var cron = store.Get(key);
        if (cron is null || Meta.IsDeleting(cron)) return;
        var spec = cron["spec"] as JsonObject ?? new JsonObject();
        var uid = Meta.Uid(cron);
        var jobs = store.List(ResourceTypes.Job, key.Namespace).Items.Where(j => Meta.OwnedBy(j, uid)).ToList();
        var now = loop.Now;
        var zone = Zone(spec["timeZone"]?.GetValue<string>());
        var schedule = CronSchedule.Parse(spec["schedule"]?.GetValue<string>() ?? "", out _);
        string? scheduledAt = null;

        if (schedule is not null && zone is not null && spec["suspend"]?.GetValue<bool>() != true)
        {
            var last = Parse(cron["status"]?["lastScheduleTime"]) ?? Parse(cron["metadata"]?["creationTimestamp"]) ?? now;
            // The most recent missed time is the one to run; older misses are skipped, as the real controller does.
            DateTimeOffset? due = null;
            for (var (t, n) = (schedule.Next(last, zone), 0); t is { } at && at <= now && n < 1000; t = schedule.Next(at, zone), n++) due = at;
            var deadline = Meta.IntOrNull(spec["startingDeadlineSeconds"]);
            if (due is { } time && (deadline is null || now - time <= TimeSpan.FromSeconds(deadline.Value)))
            {
                scheduledAt = Stamp(time);
                Run(loop, cron, spec, jobs, time);
                jobs = store.List(ResourceTypes.Job, key.Namespace).Items.Where(j => Meta.OwnedBy(j, uid)).ToList();
            }
            else if (due is { } missed) scheduledAt = Stamp(missed);

            if (schedule.Next(due ?? last, zone) is { } next) Wake(loop, key, next, now);
        }

        jobs = Prune(loop, cron, spec, jobs);
        UpdateStatus(loop, key, jobs, scheduledAt);
    }

    private void Wake(ControllerLoop loop, ObjectKey key, DateTimeOffset at, DateTimeOffset now)
    {
        // A moment past the minute, so the clock has surely reached it; far times are looked at again daily (timers cap at ~49 days).
        var fireAt = now + TimeSpan.FromTicks(Math.Min((at - now).Ticks + TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerDay));
        lock (_timers)
        {
            if (_timers.TryGetValue(key, out var pending) && pending > now && pending <= fireAt) return;
            _timers[key] = fireAt;
        }

        loop.EnqueueAfter(fireAt - now, this, key);
    }

    private static void Run(ControllerLoop loop, JsonObject cron, JsonObject spec, List<JsonObject> jobs, DateTimeOffset time)
    {
        var active = jobs.Where(j => !Finished(j, out _)).ToList();
        switch (spec["concurrencyPolicy"]?.GetValue<string>())
        {
            case "Forbid" when active.Count > 0:
                loop.Events.Normal(cron, "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid", "cronjob-controller");
                return;
            case "Replace":
                foreach (var running in active)
                {
                    loop.Store.Delete(Meta.Key(ResourceTypes.Job, running));
                    loop.Events.Normal(cron, "SuccessfulDelete", $"Deleted job {Meta.Name(running)}", "cronjob-controller");
                }

                break;
        }

        var name = $"{Meta.Name(cron)}-{time.ToUnixTimeSeconds() / 60}";
        if (loop.Store.Get(new ObjectKey(ResourceTypes.Job, Meta.Namespace(cron), name)) is not null) return;
        var template = spec["jobTemplate"] as JsonObject ?? new JsonObject();
        var meta = template["metadata"]?.DeepClone() as JsonObject ?? new JsonObject();
        meta["name"] = name;
        meta["namespace"] = Meta.Namespace(cron);
        meta["ownerReferences"] = Meta.OwnerReference(cron);
        var annotations = meta["annotations"] as JsonObject ?? new JsonObject();
        annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        meta["annotations"] = annotations;
        var job = new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = meta,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
        loop.Store.Create(ResourceTypes.Job, job);
        loop.Events.Normal(cron, "SuccessfulCreate", $"Created job {name}", "cronjob-controller");
    }

    /// <summary>Deletes the oldest finished Jobs beyond successfulJobsHistoryLimit and failedJobsHistoryLimit; returns those left.</summary>
    private static List<JsonObject> Prune(ControllerLoop loop, JsonObject cron, JsonObject spec, List<JsonObject> jobs)
    {
        var kept = jobs.ToList();
        foreach (var (kind, limit) in new[] { ("Complete", Meta.Int(spec["successfulJobsHistoryLimit"], 3)), ("Failed", Meta.Int(spec["failedJobsHistoryLimit"], 1)) })
        {
            var finished = jobs.Where(j => Finished(j, out var how) && how == kind)
                .OrderBy(j => j["status"]?["completionTime"]?.GetValue<string>() ?? j["metadata"]?["creationTimestamp"]?.GetValue<string>(), StringComparer.Ordinal)
                .ThenBy(Meta.Name, StringComparer.Ordinal).ToList();
            foreach (var job in finished.Take(Math.Max(0, finished.Count - limit)))
            {
                loop.Store.Delete(Meta.Key(ResourceTypes.Job, job));
                loop.Events.Normal(cron, "SawCompletedJob", $"Saw completed job: {Meta.Name(job)}, condition: {kind}", "cronjob-controller");
                loop.Events.Normal(cron, "SuccessfulDelete", $"Deleted job {Meta.Name(job)}", "cronjob-controller");
                kept.Remove(job);
            }
        }

        return kept;
    }

    private static void UpdateStatus(ControllerLoop loop, ObjectKey key, List<JsonObject> jobs, string? scheduledAt)
    {
        var active = jobs.Where(j => !Finished(j, out _)).OrderBy(Meta.Name, StringComparer.Ordinal).Select(j => (JsonNode)new JsonObject
        {
            ["kind"] = "Job",
            ["namespace"] = Meta.Namespace(j),
            ["name"] = Meta.Name(j),
            ["uid"] = Meta.Uid(j),
            ["apiVersion"] = "batch/v1",
            ["resourceVersion"] = j["metadata"]?["resourceVersion"]?.DeepClone(),
        }).ToArray();
        var lastSuccess = jobs.Where(j => Finished(j, out var how) && how == "Complete")
            .Select(j => j["status"]?["completionTime"]?.GetValue<string>()).OfType<string>().DefaultIfEmpty(null).Max(StringComparer.Ordinal);
        loop.Store.Mutate(key, c =>
        {
            var old = c["status"] as JsonObject;
            var status = new JsonObject();
            if (active.Length > 0) status["active"] = new JsonArray(active);
            if ((scheduledAt is not null && string.CompareOrdinal(scheduledAt, old?["lastScheduleTime"]?.GetValue<string>()) > 0 ? scheduledAt : old?["lastScheduleTime"]?.GetValue<string>()) is { } last)
                status["lastScheduleTime"] = last;
            if ((lastSuccess ?? old?["lastSuccessfulTime"]?.GetValue<string>()) is { } success) status["lastSuccessfulTime"] = success;
            return Meta.Set(c, "status", status);
        });
    }

    private static bool Finished(JsonObject job, out string? how)
    {
        how = (job["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => c["type"]?.GetValue<string>() is "Complete" or "Failed" && c["status"]?.GetValue<string>() == "True")?["type"]?.GetValue<string>();
        return how is not null;
    }

    /// <summary>The schedule's time zone: UTC unless spec.timeZone names one; null when it names none known.</summary>
    public static TimeZoneInfo? Zone(string? name)
    {
        if (string.IsNullOrEmpty(name)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;
    }

    private static DateTimeOffset? Parse(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
