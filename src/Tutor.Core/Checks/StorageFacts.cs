using System.Text.Json.Nodes;

namespace Tutor.Core.Checks;

/// <summary>The storage objects a diagnosis reads: the namespace's claims, and the cluster's classes and volumes.</summary>
public sealed record StorageFacts(IReadOnlyList<JsonObject> Claims, IReadOnlyList<JsonObject> Classes, IReadOnlyList<JsonObject> Volumes)
{
    public static readonly StorageFacts None = new([], [], []);

    public static StorageFacts From(ClusterSnapshot snapshot) =>
        new(snapshot.List(WellKnownKinds.PersistentVolumeClaim), snapshot.List(WellKnownKinds.StorageClass), snapshot.List(WellKnownKinds.PersistentVolume));

    public JsonObject? Claim(string name) => Claims.FirstOrDefault(c => JsonText.Str(JsonText.Get(c, "metadata", "name")) == name);
}
