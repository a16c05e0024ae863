namespace Tutor.Core.Classroom;

/// <summary>One learner of a room as the cluster shows them: their namespace and the progress their Tutor last published.</summary>
/// <param name="Record">Null until the learner's Tutor has published anything.</param>
public sealed record ClassroomLearner(string Name, string Namespace, ClassroomProgressRecord? Record, string? UnlockTo);
