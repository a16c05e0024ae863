using System.Text.Json.Nodes;
using Tutor.Sandbox.Api;

namespace Tutor.Sandbox.Tests.Api;

/// <summary>The autoscaling/v1 ↔ v2 conversion a v1 create goes through.</summary>
public sealed class AutoscalingV1Tests
{
    [Fact]
    public void The_cpu_target_becomes_a_v2_metric_and_comes_back_with_the_status()
    {
        var v1 = JsonNode.Parse("""
            {"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"web"},
             "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"maxReplicas":5,"targetCPUUtilizationPercentage":70}}
            """)!.AsObject();

        var v2 = AutoscalingV1.ToV2(v1);
        v2["status"] = JsonNode.Parse("""
            {"currentReplicas":3,"desiredReplicas":4,"currentMetrics":[
              {"type":"Resource","resource":{"name":"memory","current":{"averageUtilization":10}}},
              {"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":91,"averageValue":"910m"}}}]}
            """);
        var back = AutoscalingV1.ToV1(v2);

        v2["apiVersion"]!.GetValue<string>().Should().Be("autoscaling/v2");
        v2["spec"]!["minReplicas"].Should().BeNull();
        v2["spec"]!["metrics"]!.ToJsonString().Should().Be("""[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":70}}}]""");
        back["spec"]!.ToJsonString().Should().Be("""{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"maxReplicas":5,"targetCPUUtilizationPercentage":70}""");
        back["status"]!.ToJsonString().Should().Be("""{"currentReplicas":3,"desiredReplicas":4,"currentCPUUtilizationPercentage":91}""");
    }

    [Fact]
    public void A_body_of_another_version_or_kind_is_refused()
    {
        var v2Body = () => AutoscalingV1.ToV2(JsonNode.Parse("""{"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler"}""")!.AsObject());

        v2Body.Should().Throw<ApiError>().Where(e => e.Code == 400 && e.Message.Contains("(autoscaling/v2) does not match the expected API version (autoscaling/v1)"));
    }
}
