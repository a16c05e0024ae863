using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>policy/v1: PodDisruptionBudget.</summary>
public static class PolicyMessages
{
    public static readonly MessageSchema PodDisruptionBudget = new("PodDisruptionBudget",
        Message(1, "metadata", MetaMessages.ObjectMeta), Message(2, "spec", new MessageSchema("PodDisruptionBudgetSpec",
            IntOrString(1, "minAvailable").KeepZero(), Message(2, "selector", MetaMessages.LabelSelector), IntOrString(3, "maxUnavailable").KeepZero(),
            Text(4, "unhealthyPodEvictionPolicy"))));
}
