namespace Tutor.Core.Catalogue;

/// <summary>What a cluster must offer for a lesson: cluster-wide rights and add-ons such as "ingress-controller".</summary>
public sealed record LessonRequirements(bool ClusterWide, IReadOnlyList<string> Addons)
{
    public static readonly LessonRequirements None = new(false, []);

    /// <summary>Add-ons a part of the lesson uses when present; without them the lesson still runs and its checks still pass.</summary>
    public IReadOnlyList<string> OptionalAddons { get; init; } = [];
}
