using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>autoscaling/v1's HorizontalPodAutoscaler, the version <c>kubectl autoscale</c> sends.</summary>
public static class AutoscalingMessages
{
    public static readonly MessageSchema HorizontalPodAutoscaler = new("HorizontalPodAutoscaler",
        Message(1, "metadata", MetaMessages.ObjectMeta), Message(2, "spec", new MessageSchema("HorizontalPodAutoscalerSpec",
            Message(1, "scaleTargetRef", new MessageSchema("CrossVersionObjectReference", Text(1, "kind"), Text(2, "name"), Text(3, "apiVersion"))),
            Int32(2, "minReplicas").KeepZero(), Int32(3, "maxReplicas").KeepZero(), Int32(4, "targetCPUUtilizationPercentage").KeepZero())));
}
