using System.Net;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Tests.Api;

/// <summary>What the API server refuses with 422 Invalid, each cause at its field path, over real HTTP.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private SandboxServer _server = null!;
    private SandboxHttp _http = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync();
        _http = new SandboxHttp(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<JsonNode> Refused(HttpMethod method, string path, string body, string contentType = "application/json")
    {
        var (code, status, _) = await _http.SendAsync(method, path, body, contentType);
        code.Should().Be(HttpStatusCode.UnprocessableEntity, status?.ToJsonString());
        status!["reason"]!.GetValue<string>().Should().Be("Invalid");
        return status;
    }

    private static IEnumerable<string> Fields(JsonNode status) =>
        status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>());

    private async Task Created(string path, string body)
    {
        var (code, status, _) = await _http.SendAsync(HttpMethod.Post, path, body);
        code.Should().Be(HttpStatusCode.Created, status?.ToJsonString());
    }

    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vote"},
         "spec":{"selector":{"matchLabels":{"app":"vote"}},
          "template":{"metadata":{"labels":{"app":"vote"}},"spec":{"containers":[{"name":"vote","image":"vote:v1"}]}}}}
        """;

    [Fact]
    public async Task A_deployment_whose_selector_changes_is_refused_with_the_servers_message()
    {
        await Created("/apis/apps/v1/namespaces/default/deployments", Deployment);

        var status = await Refused(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/vote",
            """{"spec":{"selector":{"matchLabels":{"app":"vote2"}},"template":{"metadata":{"labels":{"app":"vote2"}}}}}""", "application/merge-patch+json");

        status["message"]!.GetValue<string>().Should().StartWith("Deployment.apps \"vote\" is invalid: spec.selector: Invalid value: ").And.EndWith(": field is immutable");
        Fields(status).Should().Equal("spec.selector");
    }

    [Fact]
    public async Task A_request_above_its_limit_is_refused_and_an_equal_one_is_not()
    {
        var status = await Refused(HttpMethod.Post, "/api/v1/namespaces/default/pods", """
            {"metadata":{"name":"db"},"spec":{"containers":[{"name":"db","image":"postgres:16-alpine",
             "resources":{"requests":{"memory":"512Mi","cpu":"250m"},"limits":{"memory":"256Mi","cpu":"0.25"}}}]}}
            """);

        Fields(status).Should().Equal("spec.containers[0].resources.requests[memory]");
        status["message"]!.GetValue<string>().Should().Contain("Invalid value: \"512Mi\": must be less than or equal to memory limit of 256Mi");

        var deployment = Deployment.Replace("\"image\":\"vote:v1\"", "\"image\":\"vote:v1\",\"resources\":{\"requests\":{\"cpu\":\"2\"},\"limits\":{\"cpu\":\"1500m\"}}");
        Fields(await Refused(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", deployment))
            .Should().Equal("spec.template.spec.containers[0].resources.requests[cpu]");

        await Created("/api/v1/namespaces/default/pods", """
            {"metadata":{"name":"ok"},"spec":{"containers":[{"name":"db","image":"postgres:16-alpine",
             "resources":{"requests":{"memory":"256Mi","cpu":"250m"},"limits":{"memory":"256Mi","cpu":"0.25"}}}]}}
            """);
    }

    [Fact]
    public async Task A_statefulset_may_change_replicas_but_not_its_service_name()
    {
        await Created("/apis/apps/v1/namespaces/default/statefulsets", """
            {"metadata":{"name":"db"},"spec":{"serviceName":"db","selector":{"matchLabels":{"app":"db"}},
             "template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"db","image":"postgres:16"}]}}}}
            """);
        var scaled = await _http.SendAsync(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/statefulsets/db", """{"spec":{"replicas":3}}""", "application/merge-patch+json");
        scaled.Code.Should().Be(HttpStatusCode.OK, scaled.Body?.ToJsonString());

        var status = await Refused(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/statefulsets/db", """{"spec":{"serviceName":"other"}}""", "application/merge-patch+json");

        Fields(status).Should().Equal("spec");
        status["message"]!.GetValue<string>().Should().Contain("updates to statefulset spec for fields other than 'replicas'");
    }

    [Fact]
    public async Task A_claim_may_only_grow_once_bound_and_never_change_its_access_modes()
    {
        const string claim = "/api/v1/namespaces/default/persistentvolumeclaims/data";
        await Created("/api/v1/namespaces/default/persistentvolumeclaims",
            """{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""");
        var unbound = await Refused(HttpMethod.Patch, claim, """{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}""", "application/merge-patch+json");
        // The default class binds on first use: a Pod that mounts the claim gets it provisioned and bound.
        await Created("/api/v1/namespaces/default/pods", """
            {"metadata":{"name":"user"},"spec":{"containers":[{"name":"c","image":"nginx:1.27","volumeMounts":[{"name":"d","mountPath":"/d"}]}],
             "volumes":[{"name":"d","persistentVolumeClaim":{"claimName":"data"}}]}}
            """);
        await BoundAsync(claim);

        var grown = await _http.SendAsync(HttpMethod.Patch, claim, """{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}""", "application/merge-patch+json");
        var status = await Refused(HttpMethod.Patch, claim, """{"spec":{"accessModes":["ReadWriteOnce","ReadOnlyMany"]}}""", "application/merge-patch+json");

        Fields(unbound).Should().Equal(new[] { "spec" }, "a claim not yet bound cannot be resized");
        grown.Code.Should().Be(HttpStatusCode.OK, grown.Body?.ToJsonString());
        Fields(status).Should().Equal("spec");
        status["message"]!.GetValue<string>().Should().Contain("spec is immutable after creation except resources.requests");
    }

    private async Task BoundAsync(string claim)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var (_, body, _) = await _http.SendAsync(HttpMethod.Get, claim);
            if (body?["status"]?["phase"]?.GetValue<string>() == "Bound") return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"claim never bound: {body?.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_jobs_template_is_immutable()
    {
        await Created("/apis/batch/v1/namespaces/default/jobs", """
            {"metadata":{"name":"once"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox:1.36"}]}}}}
            """);

        var status = await Refused(HttpMethod.Patch, "/apis/batch/v1/namespaces/default/jobs/once",
            """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:1.37"}]}}}}""", "application/strategic-merge-patch+json");

        Fields(status).Should().Equal("spec.template");
    }

    [Fact]
    public async Task An_immutable_configmap_keeps_its_data()
    {
        await Created("/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"fixed"},"immutable":true,"data":{"k":"1"}}""");

        var status = await Refused(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/fixed", """{"data":{"k":"2"}}""", "application/merge-patch+json");
        var unlocked = await Refused(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/fixed", """{"immutable":false}""", "application/merge-patch+json");

        Fields(status).Should().Equal("data");
        status["message"]!.GetValue<string>().Should().Be("ConfigMap \"fixed\" is invalid: data: Forbidden: field is immutable when `immutable` is set");
        Fields(unlocked).Should().Equal("immutable");
    }

    [Fact]
    public async Task Services_names_are_dns_1035_labels_and_external_name_needs_its_target()
    {
        var digit = await Refused(HttpMethod.Post, "/api/v1/namespaces/default/services", """{"metadata":{"name":"1web"},"spec":{"ports":[{"port":80}]}}""");
        var external = await Refused(HttpMethod.Post, "/api/v1/namespaces/default/services", """{"metadata":{"name":"db"},"spec":{"type":"ExternalName"}}""");
        await Created("/api/v1/namespaces/default/services", """{"metadata":{"name":"db2"},"spec":{"type":"ExternalName","externalName":"db.example.com"}}""");
        var stored = (await _http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/services/db2")).Body!;

        digit["message"]!.GetValue<string>().Should().Contain("a DNS-1035 label must consist of");
        Fields(external).Should().Equal("spec.externalName");
        stored["spec"]!["clusterIP"].Should().BeNull("an ExternalName Service gets no cluster IP");
    }

    [Fact]
    public async Task Node_ports_are_allocated_in_range_honoured_when_asked_and_refused_out_of_range_or_taken()
    {
        await Created("/api/v1/namespaces/default/services", """{"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","selector":{"app":"x"},"ports":[{"port":80}]}}""");
        await Created("/api/v1/namespaces/default/services", """{"metadata":{"name":"np"},"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}}""");
        var outOfRange = await Refused(HttpMethod.Post, "/api/v1/namespaces/default/services", """{"metadata":{"name":"far"},"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":80}]}}""");
        var taken = await Refused(HttpMethod.Post, "/api/v1/namespaces/default/services", """{"metadata":{"name":"dup"},"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}}""");
        var lb = (await _http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/services/lb")).Body!;
        var np = (await _http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/services/np")).Body!;

        lb["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>().Should().BeInRange(30000, 32767);
        lb["status"]!["loadBalancer"]!.AsObject().Should().BeEmpty("no load balancer answers on a local cluster: EXTERNAL-IP stays <pending>");
        np["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>().Should().Be(30080);
        Fields(outOfRange).Should().Equal("spec.ports[0].nodePort");
        Fields(taken).Should().Equal("spec.ports[0].nodePort");
        taken["message"]!.GetValue<string>().Should().Contain("provided port is already allocated");
    }

    [Fact]
    public async Task An_ingress_path_needs_a_path_type_and_a_backend_with_a_service_port()
    {
        var status = await Refused(HttpMethod.Post, "/apis/networking.k8s.io/v1/namespaces/default/ingresses", """
            {"metadata":{"name":"web"},"spec":{"rules":[{"host":"vote.local","http":{"paths":[
              {"path":"/","backend":{"service":{"name":"vote","port":{"number":80}}}},
              {"path":"/r","pathType":"Sometimes","backend":{"service":{"name":"result"}}}]}}]}}
            """);

        Fields(status).Should().Equal(
            "spec.rules[0].http.paths[0].pathType",
            "spec.rules[0].http.paths[1].pathType",
            "spec.rules[0].http.paths[1].backend.service.port");
        await Created("/apis/networking.k8s.io/v1/namespaces/default/ingresses", """
            {"metadata":{"name":"ok"},"spec":{"rules":[{"http":{"paths":[{"path":"/","pathType":"Prefix","backend":{"service":{"name":"vote","port":{"number":80}}}}]}}]}}
            """);
    }

    [Fact]
    public async Task An_autoscaler_needs_a_target_and_min_not_above_max_and_gets_the_default_cpu_metric()
    {
        var status = await Refused(HttpMethod.Post, "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", """
            {"metadata":{"name":"vote"},"spec":{"scaleTargetRef":{"kind":"Deployment"},"minReplicas":5,"maxReplicas":2,
             "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization"}}}]}}
            """);
        await Created("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", """
            {"metadata":{"name":"ok"},"spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"vote"},"maxReplicas":4}}
            """);
        var ok = (await _http.SendAsync(HttpMethod.Get, "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/ok")).Body!;

        Fields(status).Should().Equal("spec.scaleTargetRef.name", "spec.minReplicas", "spec.metrics[0].resource.target.averageUtilization");
        ok["spec"]!["minReplicas"]!.GetValue<int>().Should().Be(1);
        ok["spec"]!["metrics"]![0]!["resource"]!["target"]!["averageUtilization"]!.GetValue<int>().Should().Be(80);
    }

    [Fact]
    public async Task A_disruption_budget_sets_min_available_or_max_unavailable_not_both()
    {
        var both = await Refused(HttpMethod.Post, "/apis/policy/v1/namespaces/default/poddisruptionbudgets",
            """{"metadata":{"name":"b"},"spec":{"minAvailable":1,"maxUnavailable":"50%","selector":{"matchLabels":{"app":"x"}}}}""");
        var percent = await Refused(HttpMethod.Post, "/apis/policy/v1/namespaces/default/poddisruptionbudgets",
            """{"metadata":{"name":"p"},"spec":{"maxUnavailable":"150%"}}""");

        Fields(both).Should().Equal("spec");
        Fields(percent).Should().Equal("spec.maxUnavailable");
    }

    [Fact]
    public async Task A_network_policy_gets_its_policy_types_and_refuses_an_unknown_protocol()
    {
        var status = await Refused(HttpMethod.Post, "/apis/networking.k8s.io/v1/namespaces/default/networkpolicies",
            """{"metadata":{"name":"n"},"spec":{"podSelector":{},"ingress":[{"ports":[{"protocol":"ICMP","port":70000}]}]}}""");
        await Created("/apis/networking.k8s.io/v1/namespaces/default/networkpolicies",
            """{"metadata":{"name":"deny"},"spec":{"podSelector":{"matchLabels":{"app":"db"}},"egress":[{}]}}""");
        var deny = (await _http.SendAsync(HttpMethod.Get, "/apis/networking.k8s.io/v1/namespaces/default/networkpolicies/deny")).Body!;

        Fields(status).Should().Equal("spec.ingress[0].ports[0].protocol", "spec.ingress[0].ports[0].port");
        deny["spec"]!["policyTypes"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("Ingress", "Egress");
    }
}
