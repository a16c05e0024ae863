namespace Tutor.Core.Classroom;

/// <summary>How a learner stands for the instructor.</summary>
public enum LearnerStanding
{
    /// <summary>Progressing, or working on a step whose check has not failed for long.</summary>
    OnTrack,

    /// <summary>The same check has been failing for longer than the threshold.</summary>
    Stuck,

    /// <summary>Not started, or no step passed and nothing failing for longer than the threshold.</summary>
    Idle,
}
