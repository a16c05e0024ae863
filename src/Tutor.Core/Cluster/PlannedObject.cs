using System.Text.Json.Nodes;
using Tutor.Core.Manifests;

namespace Tutor.Core.Cluster;

/// <summary>An object ready to send: its served resource, the namespace it goes into (null if cluster-scoped) and the body to apply.</summary>
public sealed record PlannedObject(ManifestObject? Source, ApiResource Resource, string Name, string? Namespace, JsonObject Body)
{
    public string Reference => Resource.Reference(Name);

    /// <summary>Where the object was written, for messages: <c>file:line</c>, or the reference when Tutor made it up.</summary>
    public string Origin => Source is null ? Reference : $"{Source.File}:{Source.Line}";
}
