using System.Text;
using System.Text.Json.Nodes;
using Tutor.Sandbox.Api;
using Tutor.Sandbox.Api.Protobuf;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Tests.Api.Protobuf;

/// <summary>The protobuf decoder on bytes built here: what each kind's message turns into, and what it refuses.</summary>
public sealed class ProtobufBodyTests
{
    private static JsonObject Decode(byte[] body) => ProtobufBody.Decode(body);

    private static void ShouldEqual(JsonNode actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue($"got {actual.ToJsonString()}");

    /// <summary>ObjectMeta as Go writes it: every non-pointer field, empty or not, and the zero creation time.</summary>
    private static void Meta(ProtoWriter m, string name, params (string Key, string Value)[] labels)
    {
        m.Text(1, name).Text(2, "").Text(3, "").Text(4, "").Text(5, "").Text(6, "").Varint(7, 0).Message(8, t => t.Varint(1, 0).Varint(2, 0));
        foreach (var (key, value) in labels) m.Entry(11, key, value);
    }

    [Fact]
    public void A_deployment_as_kubectl_writes_it_becomes_the_json_kubectl_would_send()
    {
        var body = ProtoWriter.Envelope("apps/v1", "Deployment", d => d
            .Message(1, m => Meta(m, "web", ("app", "web")))
            .Message(2, spec => spec
                .Varint(1, 0)
                .Message(2, s => s.Entry(1, "app", "web"))
                .Message(3, template => template
                    .Message(1, m => Meta(m, "", ("app", "web")))
                    .Message(2, pod => pod
                        .Message(2, c => c.Text(1, "nginx").Text(2, "nginx:1.27").Text(5, "")
                            .Message(6, p => p.Text(1, "").Varint(2, 0).Varint(3, 80).Text(4, "").Text(5, ""))
                            .Message(8, _ => { })
                            .Text(13, "").Text(14, "").Bool(16, false).Bool(17, false).Bool(18, false))
                        .Text(3, "").Text(6, "").Bool(11, false)))
                .Message(4, _ => { })
                .Varint(5, 0)
                .Bool(7, false))
            .Message(3, status => status.Varint(1, 0)));

        ShouldEqual(Decode(body), """
            {"kind":"Deployment","apiVersion":"apps/v1",
             "metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"replicas":0,"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80}],"resources":{}}]}},
               "strategy":{}}}
            """);
    }

    [Fact]
    public void Secret_data_is_base64_and_configmap_data_stays_text()
    {
        var secret = Decode(ProtoWriter.Envelope("v1", "Secret", s => s
            .Message(1, m => Meta(m, "creds"))
            .Message(2, e => e.Text(1, "password").Bytes(2, [0x00, 0xff, 0x41]))
            .Message(2, e => e.Text(1, "empty"))
            .Text(3, "Opaque")));
        var configMap = Decode(ProtoWriter.Envelope("v1", "ConfigMap", c => c
            .Message(1, m => Meta(m, "settings"))
            .Entry(2, "greeting", "héllo\nworld")
            .Message(3, e => e.Text(1, "logo").Bytes(2, Encoding.ASCII.GetBytes("PNG")))
            .Bool(4, false)));

        ShouldEqual(secret, """{"kind":"Secret","apiVersion":"v1","metadata":{"name":"creds"},"data":{"password":"AP9B","empty":""},"type":"Opaque"}""");
        ShouldEqual(configMap, """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"settings"},"data":{"greeting":"héllo\nworld"},"binaryData":{"logo":"UE5H"},"immutable":false}""");
    }

    [Fact]
    public void Int_or_string_keeps_a_set_zero_and_drops_a_zero_go_always_writes()
    {
        var service = Decode(ProtoWriter.Envelope("v1", "Service", s => s
            .Message(1, m => Meta(m, "web"))
            .Message(2, spec => spec
                .Message(1, p => p.Text(1, "http").Text(2, "TCP").Varint(3, 80).Message(4, t => t.Varint(1, 0).Varint(2, 8080).Text(3, "")).Varint(5, 0))
                .Message(1, p => p.Text(1, "named").Varint(3, 81).Message(4, t => t.Varint(1, 1).Varint(2, 0).Text(3, "web")))
                .Message(1, p => p.Varint(3, 82).Message(4, t => t.Varint(1, 0).Varint(2, 0).Text(3, "")))
                .Text(4, "NodePort"))));
        var budget = Decode(ProtoWriter.Envelope("policy/v1", "PodDisruptionBudget", p => p
            .Message(1, m => Meta(m, "keep"))
            .Message(2, spec => spec.Message(3, t => t.Varint(1, 1).Text(3, "25%")).Message(1, t => t.Varint(1, 0).Varint(2, 0)))));

        ShouldEqual(service["spec"]!, """
            {"ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":8080},{"name":"named","port":81,"targetPort":"web"},{"port":82}],"type":"NodePort"}
            """);
        ShouldEqual(budget["spec"]!, """{"maxUnavailable":"25%","minAvailable":0}""");
    }

    [Fact]
    public void Embedded_structs_land_in_their_parent_as_go_inlines_them()
    {
        var pod = Decode(ProtoWriter.Envelope("v1", "Pod", p => p
            .Message(1, m => Meta(m, "probe"))
            .Message(2, spec => spec
                .Message(1, v => v.Text(1, "config").Message(2, source => source.Message(19, c => c.Message(1, r => r.Text(1, "settings")).Varint(3, 420))))
                .Message(2, c => c.Text(1, "app").Text(2, "busybox")
                    .Message(7, e => e.Text(1, "MODE").Message(3, from => from.Message(3, k => k.Message(1, r => r.Text(1, "settings")).Text(2, "mode").Bool(3, false))))
                    .Message(11, probe => probe.Message(1, h => h.Message(2, get => get.Text(1, "/healthz").Message(2, port => port.Varint(1, 0).Varint(2, 8080)))).Varint(4, 5))))));

        ShouldEqual(pod["spec"]!, """
            {"volumes":[{"name":"config","configMap":{"name":"settings","defaultMode":420}}],
             "containers":[{"name":"app","image":"busybox",
               "env":[{"name":"MODE","valueFrom":{"configMapKeyRef":{"name":"settings","key":"mode","optional":false}}}],
               "readinessProbe":{"httpGet":{"path":"/healthz","port":8080},"periodSeconds":5}}]}
            """);
    }

    [Fact]
    public void Repeated_strings_keep_empty_elements_such_as_the_core_api_group()
    {
        var role = Decode(ProtoWriter.Envelope("rbac.authorization.k8s.io/v1", "Role", r => r
            .Message(1, m => Meta(m, "reader"))
            .Message(2, rule => rule.Text(1, "get").Text(1, "list").Text(2, "").Text(2, "apps").Text(3, "pods"))));

        ShouldEqual(role["rules"]!, """[{"verbs":["get","list"],"apiGroups":["","apps"],"resources":["pods"]}]""");
    }

    [Fact]
    public void Negative_numbers_times_and_packed_numbers_read_as_go_wrote_them()
    {
        var job = Decode(ProtoWriter.Envelope("batch/v1", "Job", j => j
            .Message(1, m => m.Text(1, "batch").Message(8, t => t.Varint(1, 1_767_225_600).Varint(2, 0)).Message(9, t => t.Varint(1, 1_767_225_601).Varint(2, 500_000_000)))
            .Message(2, spec => spec
                .Varint(7, -1)
                .Message(11, policy => policy.Message(1, rule => rule.Text(1, "FailJob")
                    .Message(2, codes => codes.Text(2, "In").Bytes(3, [0x01, 0x2a]).Varint(3, 137)))))));

        job["metadata"]!["creationTimestamp"]!.GetValue<string>().Should().Be("2026-01-01T00:00:00Z");
        job["metadata"]!["deletionTimestamp"]!.GetValue<string>().Should().Be("2026-01-01T00:00:01Z");
        job["spec"]!["backoffLimit"]!.GetValue<int>().Should().Be(-1);
        job["spec"]!["podFailurePolicy"]!["rules"]![0]!["onExitCodes"]!["values"]!.AsArray().Select(v => v!.GetValue<int>()).Should().Equal(1, 42, 137);
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped()
    {
        var ns = Decode(ProtoWriter.Envelope("v1", "Namespace", n => n
            .Varint(90, 7).Fixed64(91, 1).Fixed32(92, 2).Text(93, "future")
            .Message(1, m => m.Message(99, x => x.Text(1, "nested unknown")).Text(1, "learn").Fixed32(50, 3))
            .Message(3, status => status.Text(1, "Active"))));

        ShouldEqual(ns, """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"learn"}}""");
    }

    [Fact]
    public void A_message_sent_twice_merges_and_a_scalar_sent_twice_keeps_the_last()
    {
        var sa = Decode(ProtoWriter.Envelope("v1", "ServiceAccount", s => s
            .Message(1, m => m.Text(1, "first").Entry(11, "a", "1"))
            .Message(1, m => m.Text(1, "second").Entry(11, "b", "2"))
            .Bool(4, false)));

        ShouldEqual(sa, """{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"second","labels":{"a":"1","b":"2"}},"automountServiceAccountToken":false}""");
    }

    [Fact]
    public void Delete_options_read_as_drain_sends_them_empty_or_with_a_policy()
    {
        var empty = Decode(ProtoWriter.Envelope("v1", "DeleteOptions", _ => { }));
        var set = Decode(ProtoWriter.Envelope("meta.k8s.io/v1", "DeleteOptions", o => o.Varint(1, 0).Text(4, "Foreground").Text(5, "All")));

        ShouldEqual(empty, """{"kind":"DeleteOptions","apiVersion":"v1"}""");
        ShouldEqual(set, """{"kind":"DeleteOptions","apiVersion":"meta.k8s.io/v1","gracePeriodSeconds":0,"propagationPolicy":"Foreground","dryRun":["All"]}""");
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "the envelope prefix is missing")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x0a, 0x7f, 0x01 }, "malformed")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x08, 0x01 }, "field 1 of the envelope has wire type 0")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x1a, 0x04, 0x67, 0x7a, 0x69, 0x70 }, "content encoding \"gzip\" is not supported")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x0f }, "malformed")]
    public void A_broken_envelope_is_a_bad_request(byte[] body, string why)
    {
        var act = () => Decode(body);

        act.Should().Throw<ApiError>().Where(e => e.Code == 400 && e.Message.StartsWith("error decoding the request body as protobuf") && e.Message.Contains(why));
    }

    [Fact]
    public void A_known_field_with_the_wrong_wire_type_is_named_in_the_error()
    {
        var replicasAsText = ProtoWriter.Envelope("apps/v1", "Deployment", d => d.Message(2, spec => spec.Text(1, "three")));
        var truncatedContainer = ProtoWriter.Envelope("v1", "Pod", p => p.Message(2, spec => spec.Bytes(2, [0x0a, 0x05, 0x61])));

        var wrongType = () => Decode(replicasAsText);
        var truncated = () => Decode(truncatedContainer);

        wrongType.Should().Throw<ApiError>().Where(e => e.Code == 400 && e.Message.Contains("Deployment.spec.replicas has wire type 2, expected 0"));
        truncated.Should().Throw<ApiError>().Where(e => e.Code == 400 && e.Message.Contains("malformed"));
    }

    [Fact]
    public void A_kind_without_a_schema_is_unsupported_media_and_names_the_kind()
    {
        var act = () => Decode(ProtoWriter.Envelope("certificates.k8s.io/v1", "CertificateSigningRequest", c => c.Message(1, m => m.Text(1, "x"))));

        act.Should().Throw<ApiError>().Where(e => e.Code == 415 && e.Message.Contains("certificates.k8s.io/v1 CertificateSigningRequest"));
    }

    [Fact]
    public void Every_kind_with_a_schema_is_one_the_sandbox_serves()
    {
        var served = ResourceTypes.All.Concat(ReviewResources.All).Select(t => (t.ApiVersion, t.Kind)).ToHashSet();
        served.Add(("authentication.k8s.io/v1", "TokenRequest")); // the serviceaccounts/token subresource
        served.Add(("autoscaling/v1", "HorizontalPodAutoscaler")); // created through v2
        served.Add(("v1", "DeleteOptions")); // a DELETE's body
        served.Add(("meta.k8s.io/v1", "DeleteOptions"));

        ProtobufKinds.All.Should().NotBeEmpty().And.OnlyContain(k => served.Contains(k));
    }
}
