using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>An object provision will apply: new (<see cref="Creates"/>) or differing from what it should be.</summary>
public sealed record ObjectChange(PlannedObject Object, bool Creates)
{
    public override string ToString() => $"{Object.Reference} {(Creates ? "created" : "updated")}";
}
