namespace Tutor.Core.Classroom;

/// <summary>A learner found on the cluster: their name and their namespace.</summary>
public sealed record RoomLearner(string Learner, string Namespace);
