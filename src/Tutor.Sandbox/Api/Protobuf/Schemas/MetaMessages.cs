using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>Messages of apimachinery's meta/v1 that every object carries.</summary>
public static class MetaMessages
{
    public static readonly MessageSchema OwnerReference = new("OwnerReference",
        Text(1, "kind"), Text(3, "name"), Text(4, "uid"), Text(5, "apiVersion"),
        Flag(6, "controller").KeepZero(), Flag(7, "blockOwnerDeletion").KeepZero());

    public static readonly MessageSchema ObjectMeta = new("ObjectMeta",
        Text(1, "name"), Text(2, "generateName"), Text(3, "namespace"), Text(5, "uid"), Text(6, "resourceVersion"),
        Int64(7, "generation"), Time(8, "creationTimestamp"), Time(9, "deletionTimestamp"), Int64(10, "deletionGracePeriodSeconds").KeepZero(),
        TextMap(11, "labels"), TextMap(12, "annotations"), Messages(13, "ownerReferences", OwnerReference), Texts(14, "finalizers"));

    public static readonly MessageSchema LabelSelectorRequirement = new("LabelSelectorRequirement",
        Text(1, "key"), Text(2, "operator"), Texts(3, "values"));

    public static readonly MessageSchema LabelSelector = new("LabelSelector",
        TextMap(1, "matchLabels"), Messages(2, "matchExpressions", LabelSelectorRequirement));

    /// <summary>The options a DELETE may carry as its body, as <c>kubectl drain</c> sends them when it deletes pods.</summary>
    public static readonly MessageSchema DeleteOptions = new("DeleteOptions",
        Int64(1, "gracePeriodSeconds").KeepZero(),
        Message(2, "preconditions", new MessageSchema("Preconditions", Text(1, "uid").KeepZero(), Text(2, "resourceVersion").KeepZero())),
        Flag(3, "orphanDependents").KeepZero(), Text(4, "propagationPolicy"), Texts(5, "dryRun"));
}
