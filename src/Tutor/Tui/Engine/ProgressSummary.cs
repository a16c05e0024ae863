namespace Tutor.Tui;

/// <summary>Steps done of all steps in the catalogue.</summary>
public sealed record ProgressSummary(int StepsDone, int StepsTotal)
{
    public double Fraction => StepsTotal <= 0 ? 0 : Math.Clamp((double)StepsDone / StepsTotal, 0, 1);
}
