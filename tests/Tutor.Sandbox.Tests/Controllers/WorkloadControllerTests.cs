using System.Text.Json.Nodes;
using Tutor.Sandbox.Api;
using Tutor.Sandbox.Controllers;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Tests.Controllers;

public class WorkloadControllerTests
{
    private const string StatefulSet = """
        {"metadata":{"name":"db"},"spec":{"replicas":REPLICAS,"serviceName":"db","selector":{"matchLabels":{"app":"db"}},
         "template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"pg","image":"IMAGE","volumeMounts":[{"name":"data","mountPath":"/data"}]}]}},
         "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}}
        """;

    private static string Sts(int replicas, string image = "nginx:1.27") => StatefulSet.Replace("REPLICAS", replicas.ToString()).Replace("IMAGE", image);

    private static int Int(JsonNode? node) => node is null ? 0 : node.GetValue<int>();

    /// <summary>Events in the order they were written (the store lists them by name).</summary>
    private static IReadOnlyList<JsonObject> Events(SimulatedCluster cluster) =>
        cluster.List(ResourceTypes.Event).OrderBy(e => long.Parse(e["metadata"]!["resourceVersion"]!.GetValue<string>())).ToList();

    private static bool Ready(JsonObject pod) => PodState.IsReady(pod) && PodState.Phase(pod) == "Running";

    [Fact]
    public async Task A_labelled_claim_template_gives_a_bound_claim_with_the_template_and_selector_labels()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(100));
        cluster.Create(ResourceTypes.StatefulSet, Sts(1).Replace("""{"metadata":{"name":"data"}""", """{"metadata":{"name":"data","labels":{"tier":"backend"}}"""));

        var pvc = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.PersistentVolumeClaim, "data-db-0"),
            c => c["status"]?["phase"]?.GetValue<string>() == "Bound", "data-db-0 bound");

        pvc["metadata"]!["labels"]!["tier"]!.GetValue<string>().Should().Be("backend");
        pvc["metadata"]!["labels"]!["app"]!.GetValue<string>().Should().Be("db");
        pvc["spec"]!["storageClassName"]!.GetValue<string>().Should().Be("standard", "the default class is named as admission would");
    }

    [Fact]
    public async Task A_stateful_set_starts_its_pods_in_order_each_with_its_own_claim()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(150));
        cluster.Create(ResourceTypes.StatefulSet, Sts(3));

        // While db-0 is not yet ready, db-1 must not exist.
        var first = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Pod, "db-0"), _ => true, "db-0");
        Ready(first).Should().BeFalse();
        cluster.Get(ResourceTypes.Pod, "db-1").Should().BeNull();

        var set = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.StatefulSet, "db"), s => Int(s["status"]?["readyReplicas"]) == 3, "3 ready");
        var pods = cluster.List(ResourceTypes.Pod).OrderBy(p => p["metadata"]!["creationTimestamp"]!.GetValue<string>()).ToList();
        pods.Select(p => p["metadata"]!["name"]!.GetValue<string>()).Should().BeEquivalentTo(["db-0", "db-1", "db-2"]);
        foreach (var i in new[] { 0, 1, 2 })
        {
            var pod = cluster.Get(ResourceTypes.Pod, $"db-{i}")!;
            pod["spec"]!["hostname"]!.GetValue<string>().Should().Be($"db-{i}");
            pod["spec"]!["subdomain"]!.GetValue<string>().Should().Be("db");
            pod["spec"]!["volumes"]!.AsArray().Should().Contain(v => v!["persistentVolumeClaim"]!["claimName"]!.GetValue<string>() == $"data-db-{i}");
            var pvc = cluster.Get(ResourceTypes.PersistentVolumeClaim, $"data-db-{i}")!;
            pvc["metadata"]!["ownerReferences"].Should().BeNull();
            pvc["spec"]!["resources"]!["requests"]!["storage"]!.GetValue<string>().Should().Be("1Gi");
        }

        // Pod N+1 was created only after pod N became ready.
        var events = Events(cluster).Where(e => e["reason"]!.GetValue<string>() == "SuccessfulCreate" && e["message"]!.GetValue<string>().StartsWith("create Pod")).ToList();
        events.Select(e => e["message"]!.GetValue<string>()).Should().ContainInOrder(
            "create Pod db-0 in StatefulSet db successful", "create Pod db-1 in StatefulSet db successful", "create Pod db-2 in StatefulSet db successful");
        var status = set["status"]!;
        Int(status["replicas"]).Should().Be(3);
        Int(status["currentReplicas"]).Should().Be(3);
        Int(status["updatedReplicas"]).Should().Be(3);
        Int(status["availableReplicas"]).Should().Be(3);
        status["currentRevision"]!.GetValue<string>().Should().Be(status["updateRevision"]!.GetValue<string>()).And.StartWith("db-");
        status["observedGeneration"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task A_deleted_stateful_pod_comes_back_with_its_name_and_claim_and_scale_down_removes_the_highest_first()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50));
        cluster.Create(ResourceTypes.StatefulSet, Sts(3));
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.StatefulSet, "db"), s => Int(s["status"]?["readyReplicas"]) == 3, "3 ready");
        var uid = cluster.Get(ResourceTypes.Pod, "db-1")!["metadata"]!["uid"]!.GetValue<string>();

        cluster.Store.Delete(new ObjectKey(ResourceTypes.Pod, "demo", "db-1"));

        var back = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Pod, "db-1"), p => p["metadata"]!["uid"]!.GetValue<string>() != uid && Ready(p), "db-1 again");
        back["spec"]!["volumes"]!.AsArray().Should().Contain(v => v!["persistentVolumeClaim"]!["claimName"]!.GetValue<string>() == "data-db-1");

        cluster.Change(ResourceTypes.StatefulSet, "db", s => s["spec"]!["replicas"] = 1);
        await cluster.EventuallyAsync(() => cluster.List(ResourceTypes.Pod), p => p.Count == 1, "one pod");
        cluster.List(ResourceTypes.Pod).Single()["metadata"]!["name"]!.GetValue<string>().Should().Be("db-0");
        // The event is recorded just after the delete, so the last one may trail the pod count by a moment.
        var deletes = await cluster.EventuallyAsync(() => Events(cluster).Select(e => e["message"]!.GetValue<string>()).Where(m => m.StartsWith("delete Pod")).ToList(),
            d => d.Count >= 2, "both deletions recorded");
        deletes.Should().ContainInOrder("delete Pod db-2 in StatefulSet db successful", "delete Pod db-1 in StatefulSet db successful");
        cluster.List(ResourceTypes.PersistentVolumeClaim).Should().HaveCount(3, "claims outlive scale-down");

        cluster.Store.Delete(new ObjectKey(ResourceTypes.StatefulSet, "demo", "db"));
        await cluster.EventuallyAsync(() => cluster.List(ResourceTypes.Pod), p => p.Count == 0, "pods collected");
        cluster.List(ResourceTypes.PersistentVolumeClaim).Should().HaveCount(3, "claims outlive the StatefulSet");
    }

    [Fact]
    public async Task A_new_stateful_template_rolls_pods_from_the_highest_ordinal()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50));
        cluster.Create(ResourceTypes.StatefulSet, Sts(2));
        var before = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.StatefulSet, "db"), s => Int(s["status"]?["readyReplicas"]) == 2, "2 ready");

        cluster.Change(ResourceTypes.StatefulSet, "db", s => s["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.25");

        var after = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.StatefulSet, "db"),
            s => Int(s["status"]?["updatedReplicas"]) == 2 && Int(s["status"]?["readyReplicas"]) == 2 && s["status"]?["observedGeneration"]?.GetValue<long>() == 2, "rolled");
        after["status"]!["updateRevision"]!.GetValue<string>().Should().NotBe(before["status"]!["updateRevision"]!.GetValue<string>());
        after["status"]!["currentRevision"]!.GetValue<string>().Should().Be(after["status"]!["updateRevision"]!.GetValue<string>());
        cluster.List(ResourceTypes.Pod).Should().OnlyContain(p => p["spec"]!["containers"]![0]!["image"]!.GetValue<string>() == "nginx:1.25");
        Events(cluster).Select(e => e["message"]!.GetValue<string>()).Where(m => m.StartsWith("delete Pod"))
            .Should().ContainInOrder("delete Pod db-1 in StatefulSet db successful", "delete Pod db-0 in StatefulSet db successful");
    }

    [Fact]
    public async Task A_daemon_set_runs_one_pod_per_untainted_node_and_follows_its_selector()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50));
        cluster.Create(ResourceTypes.DaemonSet, """
            {"metadata":{"name":"agent"},"spec":{"selector":{"matchLabels":{"app":"agent"}},
             "template":{"metadata":{"labels":{"app":"agent"}},"spec":{"containers":[{"name":"a","image":"busybox:1.36","command":["sleep","3600"]}]}}}}
            """);

        var set = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.DaemonSet, "agent"), d => Int(d["status"]?["numberReady"]) == 2, "2 ready");
        Int(set["status"]!["desiredNumberScheduled"]).Should().Be(2, "the control-plane node is tainted");
        Int(set["status"]!["currentNumberScheduled"]).Should().Be(2);
        Int(set["status"]!["updatedNumberScheduled"]).Should().Be(2);
        Int(set["status"]!["numberAvailable"]).Should().Be(2);
        cluster.List(ResourceTypes.Pod).Select(p => p["spec"]!["nodeName"]!.GetValue<string>()).Should().BeEquivalentTo(["sandbox-worker", "sandbox-worker2"]);

        // Tolerating the control-plane taint and selecting it by label moves the daemon there alone.
        cluster.Change(ResourceTypes.DaemonSet, "agent", d =>
        {
            d["spec"]!["template"]!["spec"]!["tolerations"] = new JsonArray(new JsonObject { ["key"] = "node-role.kubernetes.io/control-plane", ["operator"] = "Exists", ["effect"] = "NoSchedule" });
            d["spec"]!["template"]!["spec"]!["nodeSelector"] = new JsonObject { ["node-role.kubernetes.io/control-plane"] = "" };
        });

        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.DaemonSet, "agent"),
            d => Int(d["status"]?["desiredNumberScheduled"]) == 1 && Int(d["status"]?["numberReady"]) == 1 && Int(d["status"]?["currentNumberScheduled"]) == 1, "1 on the control plane");
        await cluster.EventuallyAsync(() => cluster.List(ResourceTypes.Pod), p => p.Count == 1, "one pod");
        cluster.List(ResourceTypes.Pod).Single()["spec"]!["nodeName"]!.GetValue<string>().Should().Be("sandbox-control-plane");
    }

    [Fact]
    public async Task A_cron_job_creates_jobs_on_schedule_and_keeps_only_its_history()
    {
        // The cluster's clock starts two seconds before a minute, so the schedule comes due almost at once.
        var real = DateTimeOffset.UtcNow;
        var clock = new ShiftedClock(new DateTimeOffset(real.Year, real.Month, real.Day, real.Hour, real.Minute, 0, TimeSpan.Zero).AddMinutes(1).AddSeconds(-2) - real);
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50), clock);
        cluster.Create(ResourceTypes.CronJob, """
            {"metadata":{"name":"tick"},"spec":{"schedule":"* * * * *","successfulJobsHistoryLimit":1,
             "jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox:1.36","command":["sh","-c","date"]}]}}}}}}
            """);

        var cron = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.CronJob, "tick"), c => c["status"]?["lastScheduleTime"] is not null, "a scheduled run");
        var job = cluster.List(ResourceTypes.Job).Should().ContainSingle().Subject;
        job["metadata"]!["ownerReferences"]![0]!["name"]!.GetValue<string>().Should().Be("tick");
        var scheduled = DateTimeOffset.Parse(cron["status"]!["lastScheduleTime"]!.GetValue<string>());
        scheduled.Second.Should().Be(0);
        job["metadata"]!["name"]!.GetValue<string>().Should().Be($"tick-{scheduled.ToUnixTimeSeconds() / 60}");
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.CronJob, "tick"), c => c["status"]?["lastSuccessfulTime"] is not null, "the run succeeded");

        // A second, manual run that completes pushes the first out of the history of one.
        var manual = (JsonObject)job.DeepClone();
        manual["metadata"] = new JsonObject { ["name"] = "tick-manual", ["namespace"] = "demo", ["ownerReferences"] = job["metadata"]!["ownerReferences"]!.DeepClone() };
        manual.Remove("status");
        cluster.Store.Create(ResourceTypes.Job, manual);
        await cluster.EventuallyAsync(() => cluster.List(ResourceTypes.Job), j => j.Count == 1 && j[0]["metadata"]!["name"]!.GetValue<string>() == "tick-manual", "history pruned");
    }

    [Fact]
    public async Task A_suspended_cron_job_creates_nothing()
    {
        var real = DateTimeOffset.UtcNow;
        var clock = new ShiftedClock(new DateTimeOffset(real.Year, real.Month, real.Day, real.Hour, real.Minute, 0, TimeSpan.Zero).AddMinutes(1).AddSeconds(-1) - real);
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50), clock);
        cluster.Create(ResourceTypes.CronJob, """
            {"metadata":{"name":"tick"},"spec":{"schedule":"@hourly","suspend":true,"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:1.36"}]}}}}}}
            """);
        cluster.Create(ResourceTypes.CronJob, """
            {"metadata":{"name":"every"},"spec":{"schedule":"*/1 * * * *","suspend":true,"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:1.36"}]}}}}}}
            """);

        await Task.Delay(2500);

        cluster.List(ResourceTypes.Job).Should().BeEmpty();
        cluster.Get(ResourceTypes.CronJob, "every")!["status"]?["lastScheduleTime"].Should().BeNull();
    }

    [Theory]
    [InlineData("*/15 9-17 * * MON-FRI", "2026-12-04T17:50:00Z", "2026-12-07T09:00:00Z")]
    [InlineData("@hourly", "2026-12-02T10:00:00Z", "2026-12-02T11:00:00Z")]
    [InlineData("0 0 1 JAN *", "2026-12-02T10:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("30 2 13 * 5", "2026-12-02T10:00:00Z", "2026-12-04T02:30:00Z")]
    public void Cron_schedules_name_the_next_time(string schedule, string after, string next)
    {
        var parsed = CronSchedule.Parse(schedule, out var error);

        error.Should().BeNull();
        parsed!.Next(DateTimeOffset.Parse(after), TimeZoneInfo.Utc).Should().Be(DateTimeOffset.Parse(next));
    }

    [Theory]
    [InlineData("every minute")]
    [InlineData("61 * * * *")]
    [InlineData("* * * *")]
    [InlineData("*/0 * * * *")]
    [InlineData("@often")]
    public void Invalid_cron_schedules_are_refused_with_the_field(string schedule)
    {
        var rule = Tutor.Sandbox.Api.Admission.AdmissionChain.Standard(new ObjectStore());
        var cron = JsonNode.Parse("""
            {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"c","namespace":"demo"},"spec":{"schedule":"SCHEDULE",
             "jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox"}]}}}}}}
            """.Replace("SCHEDULE", schedule))!.AsObject();

        var refused = () => rule.Admit(ResourceTypes.CronJob, cron, null);

        refused.Should().Throw<ApiError>().Where(e => e.Code == 422 && e.Message.Contains($"spec.schedule: Invalid value: \"{schedule}\""));
    }

    [Fact]
    public async Task A_settled_cluster_of_every_workload_writes_nothing()
    {
        await using var cluster = new SimulatedCluster();
        cluster.Create(ResourceTypes.StatefulSet, Sts(2));
        cluster.Create(ResourceTypes.DaemonSet, """
            {"metadata":{"name":"agent"},"spec":{"selector":{"matchLabels":{"app":"agent"}},
             "template":{"metadata":{"labels":{"app":"agent"}},"spec":{"containers":[{"name":"a","image":"busybox:1.36","command":["sleep","3600"]}]}}}}
            """);
        cluster.Create(ResourceTypes.CronJob, """
            {"metadata":{"name":"yearly"},"spec":{"schedule":"@yearly","jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:1.36"}]}}}}}}
            """);
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.StatefulSet, "db"), s => Int(s["status"]?["readyReplicas"]) == 2, "sts settled");
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.DaemonSet, "agent"), d => Int(d["status"]?["numberReady"]) == 2, "ds settled");
        await Task.Delay(500);
        var version = cluster.Store.CurrentVersion;

        await Task.Delay(1000);

        var written = Tutor.Sandbox.Store.ResourceTypes.All.SelectMany(t => cluster.Store.List(t).Items)
            .Where(o => long.Parse(o["metadata"]!["resourceVersion"]!.GetValue<string>()) > version).Select(o => o.ToJsonString()).ToList();
        cluster.Store.CurrentVersion.Should().Be(version, "nothing changes, so nothing is written: " + string.Join("\n", written));
    }
}
