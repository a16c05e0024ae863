using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>batch/v1: Job and CronJob.</summary>
public static class BatchMessages
{
    private static FieldSchema Metadata => Message(1, "metadata", MetaMessages.ObjectMeta);

    public static readonly MessageSchema PodFailurePolicyRule = new("PodFailurePolicyRule",
        Text(1, "action"),
        Message(2, "onExitCodes", new MessageSchema("PodFailurePolicyOnExitCodesRequirement", Text(1, "containerName").KeepZero(), Text(2, "operator"), Int32s(3, "values"))),
        Messages(3, "onPodConditions", new MessageSchema("PodFailurePolicyOnPodConditionsPattern", Text(1, "type"), Text(2, "status"))));

    public static readonly MessageSchema SuccessPolicyRule = new("SuccessPolicyRule",
        Text(1, "succeededIndexes").KeepZero(), Int32(2, "succeededCount").KeepZero());

    public static readonly MessageSchema JobSpec = new("JobSpec",
        Int32(1, "parallelism").KeepZero(), Int32(2, "completions").KeepZero(), Int64(3, "activeDeadlineSeconds").KeepZero(),
        Message(4, "selector", MetaMessages.LabelSelector), Flag(5, "manualSelector").KeepZero(), Message(6, "template", PodMessages.PodTemplateSpec),
        Int32(7, "backoffLimit").KeepZero(), Int32(8, "ttlSecondsAfterFinished").KeepZero(), Text(9, "completionMode"), Flag(10, "suspend").KeepZero(),
        Message(11, "podFailurePolicy", new MessageSchema("PodFailurePolicy", Messages(1, "rules", PodFailurePolicyRule))),
        Int32(12, "backoffLimitPerIndex").KeepZero(), Int32(13, "maxFailedIndexes").KeepZero(), Text(14, "podReplacementPolicy"),
        Text(15, "managedBy").KeepZero(), Message(16, "successPolicy", new MessageSchema("SuccessPolicy", Messages(1, "rules", SuccessPolicyRule))));

    public static readonly MessageSchema Job = new("Job", Metadata, Message(2, "spec", JobSpec));

    public static readonly MessageSchema CronJob = new("CronJob", Metadata, Message(2, "spec", new MessageSchema("CronJobSpec",
        Text(1, "schedule"), Int64(2, "startingDeadlineSeconds").KeepZero(), Text(3, "concurrencyPolicy"), Flag(4, "suspend").KeepZero(),
        Message(5, "jobTemplate", new MessageSchema("JobTemplateSpec", Metadata, Message(2, "spec", JobSpec))),
        Int32(6, "successfulJobsHistoryLimit").KeepZero(), Int32(7, "failedJobsHistoryLimit").KeepZero(), Text(8, "timeZone").KeepZero())));
}
