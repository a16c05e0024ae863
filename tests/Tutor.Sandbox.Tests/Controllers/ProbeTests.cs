using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Tests.Controllers;

/// <summary>The kubelet's probes over real HTTP, decided by what each image serves, on a probe clock of 10 ms a second.</summary>
public sealed class ProbeTests
{
    private const string Pods = "/api/v1/namespaces/default/pods";

    private static string Nginx(string name, string probes) =>
        "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\",\"ports\":[{\"name\":\"http\",\"containerPort\":80}]," + probes + "}]}}";

    private static JsonObject Status(JsonObject pod) => pod["status"]!["containerStatuses"]![0]!.AsObject();

    private static bool Ready(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.Any(c => c!["type"]!.GetValue<string>() == "Ready" && c["status"]!.GetValue<string>() == "True") == true;

    private static int Restarts(JsonObject pod) => pod["status"]?["containerStatuses"]?[0]?["restartCount"]?.GetValue<int>() ?? 0;

    private static async Task<string> EventAsync(SandboxHttp sandbox, string pod, string reason, string startsWith)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var found = (await sandbox.EventsAsync("default", pod))
                .FirstOrDefault(e => e["reason"]!.GetValue<string>() == reason && e["message"]!.GetValue<string>().StartsWith(startsWith, StringComparison.Ordinal));
            if (found is not null) return found["message"]!.GetValue<string>();
            await Task.Delay(50);
        }

        throw new TimeoutException($"no {reason} event on {pod} starting \"{startsWith}\"");
    }

    [Fact]
    public async Task Readiness_follows_the_ports_and_paths_the_image_serves()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, Nginx("good", "\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":\"http\"},\"periodSeconds\":5}"));
        await sandbox.CreateAsync(Pods, Nginx("port", "\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":8080}}"));
        await sandbox.CreateAsync(Pods, Nginx("path", "\"readinessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":80}}"));

        await sandbox.EventuallyAsync($"{Pods}/good", Ready, "good ready");
        var port = await EventAsync(sandbox, "port", "Unhealthy", "Readiness probe failed:");
        var path = await EventAsync(sandbox, "path", "Unhealthy", "Readiness probe failed:");

        var refused = (await sandbox.GetAsync($"{Pods}/port"))!;
        var ip = refused["status"]!["podIP"]!.GetValue<string>();
        port.Should().Be($"Readiness probe failed: Get \"http://{ip}:8080/\": dial tcp {ip}:8080: connect: connection refused");
        path.Should().Be("Readiness probe failed: HTTP probe failed with statuscode: 404");
        var probe = refused["spec"]!["containers"]![0]!["readinessProbe"]!;
        (probe["periodSeconds"]!.GetValue<int>(), probe["timeoutSeconds"]!.GetValue<int>(), probe["failureThreshold"]!.GetValue<int>(), probe["httpGet"]!["scheme"]!.GetValue<string>())
            .Should().Be((10, 1, 3, "HTTP"), "the API server fills a probe's defaults");
        Ready(refused).Should().BeFalse();
        Status(refused)["state"]!["running"].Should().NotBeNull("an unready container still runs");
        Status(refused)["ready"]!.GetValue<bool>().Should().BeFalse();
        Restarts(refused).Should().Be(0, "readiness never restarts a container");
    }

    [Fact]
    public async Task A_failing_liveness_probe_kills_and_restarts_the_container_into_back_off()
    {
        await using var sandbox = await SandboxHttp.StartAsync(TimeSpan.FromMilliseconds(50));
        await sandbox.CreateAsync(Pods, Nginx("live", "\"livenessProbe\":{\"tcpSocket\":{\"port\":81},\"initialDelaySeconds\":3,\"periodSeconds\":2,\"failureThreshold\":2}"));

        var pod = await sandbox.EventuallyAsync($"{Pods}/live", p => Restarts(p) >= 2, "two restarts");

        Status(pod)["lastState"]!["terminated"]!["exitCode"]!.GetValue<int>().Should().Be(137);
        (await EventAsync(sandbox, "live", "Killing", "Container web")).Should().Be("Container web failed liveness probe, will be restarted");
        (await EventAsync(sandbox, "live", "Unhealthy", "Liveness")).Should().Contain(":81: connect: connection refused");
        await EventAsync(sandbox, "live", "BackOff", "Back-off restarting failed container web");
    }

    [Fact]
    public async Task A_file_the_command_removes_fails_the_exec_liveness_probe_once_it_is_gone()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, """
            {"metadata":{"name":"exec"},"spec":{"containers":[{"name":"c","image":"busybox:1.36",
              "args":["/bin/sh","-c","touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"],
              "livenessProbe":{"exec":{"command":["cat","/tmp/healthy"]},"initialDelaySeconds":5,"periodSeconds":5}}]}}
            """);

        await sandbox.EventuallyAsync($"{Pods}/exec", Ready, "healthy at first");
        await sandbox.EventuallyAsync($"{Pods}/exec", p => Restarts(p) >= 1, "restarted once the file is gone");

        (await EventAsync(sandbox, "exec", "Unhealthy", "Liveness")).Should().Be("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    }

    [Fact]
    public async Task A_failing_startup_probe_holds_back_the_other_probes_and_restarts_the_container()
    {
        await using var sandbox = await SandboxHttp.StartAsync(TimeSpan.FromMilliseconds(50));
        await sandbox.CreateAsync(Pods, Nginx("slow",
            "\"startupProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":9000},\"periodSeconds\":1,\"failureThreshold\":3},"
            + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/nope\",\"port\":80}}"));

        var pod = await sandbox.EventuallyAsync($"{Pods}/slow", p => Restarts(p) >= 1, "restarted by the startup probe");

        (await EventAsync(sandbox, "slow", "Killing", "Container web")).Should().Be("Container web failed startup probe, will be restarted");
        Status(pod)["started"]!.GetValue<bool>().Should().BeFalse();
        (await sandbox.EventsAsync("default", "slow")).Should().NotContain(e => e["message"]!.GetValue<string>().StartsWith("Readiness"),
            "readiness is not probed before the startup probe passes");
    }

    [Fact]
    public async Task Qos_class_is_written_from_requests_and_limits()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, """{"metadata":{"name":"g"},"spec":{"containers":[{"name":"c","image":"nginx","resources":{"limits":{"cpu":"100m","memory":"64Mi"}}}]}}""");
        await sandbox.CreateAsync(Pods, """{"metadata":{"name":"b"},"spec":{"containers":[{"name":"c","image":"nginx","resources":{"requests":{"cpu":"100m"}}}]}}""");
        await sandbox.CreateAsync(Pods, """{"metadata":{"name":"e"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""");

        foreach (var (name, qos) in new[] { ("g", "Guaranteed"), ("b", "Burstable"), ("e", "BestEffort") })
            await sandbox.EventuallyAsync($"{Pods}/{name}", p => p["status"]?["qosClass"]?.GetValue<string>() == qos, $"{name} {qos}");
    }
}
