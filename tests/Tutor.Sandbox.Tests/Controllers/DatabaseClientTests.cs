using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Tests.Controllers;

/// <summary>psql and pg_dump as a Job's command: they succeed or fail on what the sandbox can see, never on a query.</summary>
public class DatabaseClientTests
{
    private const string Database = """
        {"metadata":{"name":"db"},"spec":{"serviceName":"db-headless","replicas":1,"selector":{"matchLabels":{"app":"db"}},
         "template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"postgres","image":"postgres:16-alpine",
           "env":[{"name":"POSTGRES_PASSWORD","value":"pw"}],"ports":[{"containerPort":5432}]}]}}}}
        """;

    private static string Job(string name, string env, string command, string extra = "") =>
        $$"""{"metadata":{"name":"{{name}}"},"spec":{"backoffLimit":0,"template":{"spec":{"restartPolicy":"Never",{{extra}}"containers":[{"name":"c","image":"postgres:16-alpine","env":[{{env}}],"command":{{command}}""" +
        "}]}}}}";

    private static string? Condition(JsonObject job) =>
        (job["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => c["type"]!.GetValue<string>() is "Complete" or "Failed" && c["status"]!.GetValue<string>() == "True")?["type"]!.GetValue<string>();

    private static async Task<(string Outcome, string? Message)> FinishAsync(SimulatedCluster cluster, string name)
    {
        var job = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Job, name), j => Condition(j) is not null, $"job {name} to finish");
        var message = cluster.List(ResourceTypes.Pod).Where(p => p["metadata"]!["labels"]?["job-name"]?.GetValue<string>() == name)
            .Select(p => p["status"]?["containerStatuses"]?[0]?["state"]?["terminated"]?["message"]?.GetValue<string>()).FirstOrDefault(m => m is not null);
        return (Condition(job)!, message);
    }

    private static async Task<SimulatedCluster> WithReadyDatabaseAsync()
    {
        var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50));
        cluster.Create(ResourceTypes.Service, """{"metadata":{"name":"db-headless"},"spec":{"clusterIP":"None","selector":{"app":"db"},"ports":[{"port":5432}]}}""");
        cluster.Create(ResourceTypes.Service, """{"metadata":{"name":"db"},"spec":{"selector":{"app":"db"},"ports":[{"port":5432}]}}""");
        cluster.Create(ResourceTypes.StatefulSet, Database);
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Endpoints, "db"), e => e["subsets"]?[0]?["addresses"] is not null, "db ready");
        return cluster;
    }

    [Theory]
    [InlineData("db")]
    [InlineData("db-0.db-headless")]
    [InlineData("db.demo.svc.cluster.local")]
    public async Task Psql_completes_against_a_database_that_answers(string host)
    {
        await using var cluster = await WithReadyDatabaseAsync();
        cluster.Create(ResourceTypes.Job, Job("verify", $$"""{"name":"PGHOST","value":"{{host}}"}""", """["psql","-tAc","select 1"]"""));
        var (outcome, message) = await FinishAsync(cluster, "verify");
        outcome.Should().Be("Complete");
        message.Should().StartWith($"[simulated] psql reached {host}:5432");
    }

    [Theory]
    [InlineData("db-legacy", "could not translate host name \"db-legacy\" to address")]
    [InlineData("db-1.db-headless", "could not translate host name \"db-1.db-headless\" to address")]
    public async Task Psql_fails_on_a_host_that_does_not_resolve(string host, string error)
    {
        await using var cluster = await WithReadyDatabaseAsync();
        cluster.Create(ResourceTypes.Job, Job("verify", $$"""{"name":"PGHOST","value":"{{host}}"}""", """["psql","-c","select 1"]"""));
        var (outcome, message) = await FinishAsync(cluster, "verify");
        outcome.Should().Be("Failed");
        message.Should().Contain(error);
    }

    [Fact]
    public async Task A_service_with_no_ready_pod_refuses_the_connection()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50));
        cluster.Create(ResourceTypes.Service, """{"metadata":{"name":"db"},"spec":{"selector":{"app":"nothing"},"ports":[{"port":5432}]}}""");
        cluster.Create(ResourceTypes.Job, Job("verify", """{"name":"PGHOST","value":"db"}""", """["psql","-c","select 1"]"""));
        var (outcome, message) = await FinishAsync(cluster, "verify");
        outcome.Should().Be("Failed");
        message.Should().Contain("connection to server at \"db\", port 5432 failed: Connection refused");
    }

    [Fact]
    public async Task A_dump_file_must_be_on_a_mounted_volume()
    {
        await using var cluster = await WithReadyDatabaseAsync();
        const string dump = """["pg_dump","--table=votes","--file=/backup/votes.sql","postgres"]""";
        cluster.Create(ResourceTypes.Job, Job("no-volume", """{"name":"PGHOST","value":"db"}""", dump));
        var (outcome, message) = await FinishAsync(cluster, "no-volume");
        outcome.Should().Be("Failed");
        message.Should().Be("pg_dump: error: could not open output file \"/backup/votes.sql\": No such file or directory");

        cluster.Create(ResourceTypes.Job, Job("with-volume", """{"name":"PGHOST","value":"db"}""", dump, "\"volumes\":[{\"name\":\"b\",\"emptyDir\":{}}],")
            .Replace("\"command\":", "\"volumeMounts\":[{\"name\":\"b\",\"mountPath\":\"/backup\"}],\"command\":"));
        (await FinishAsync(cluster, "with-volume")).Outcome.Should().Be("Complete");
    }

    [Fact]
    public async Task The_server_image_still_needs_its_password_when_it_runs_as_the_server()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50));
        cluster.Create(ResourceTypes.Pod, """{"metadata":{"name":"db"},"spec":{"containers":[{"name":"p","image":"postgres:16-alpine"}]}}""");
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Pod, "db"),
            p => p["status"]?["containerStatuses"]?[0]?["lastState"]?["terminated"]?["message"]?.GetValue<string>()?.Contains("POSTGRES_PASSWORD") == true, "the server to exit");
    }

    [Fact]
    public async Task A_wait_loop_on_a_pods_own_name_waits_until_that_pod_is_ready()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50));
        cluster.Create(ResourceTypes.Service, """{"metadata":{"name":"db-headless"},"spec":{"clusterIP":"None","selector":{"app":"db"},"ports":[{"port":5432}]}}""");
        cluster.Create(ResourceTypes.Pod, """
            {"metadata":{"name":"waiter"},"spec":{"initContainers":[{"name":"wait","image":"busybox:1.36","command":["sh","-c","until nc -z -w2 db-0.db-headless 5432; do sleep 2; done"]}],
             "containers":[{"name":"main","image":"nginx:1.27"}]}}
            """);
        // Wait for the loop to start (a loaded machine may take a while to pull and start it), then give it time to end wrongly.
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Pod, "waiter"),
            p => p["status"]?["initContainerStatuses"]?[0]?["state"]?["running"] is not null, "the wait loop to start");
        await Task.Delay(500);
        cluster.Get(ResourceTypes.Pod, "waiter")!["status"]!["initContainerStatuses"]![0]!["state"]!["running"].Should().NotBeNull("db-0 does not exist yet");

        cluster.Create(ResourceTypes.StatefulSet, Database);
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Pod, "waiter"),
            p => p["status"]?["initContainerStatuses"]?[0]?["state"]?["terminated"]?["exitCode"]?.GetValue<int>() == 0, "the wait to end");
    }
}
