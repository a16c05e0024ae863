namespace Tutor.Engine;

/// <summary>The step the learner is looking at, and how many of its hints they have asked for.</summary>
public sealed record Selection(string LessonId, int Step, int HintsRevealed = 0);
