namespace Tutor.Tui;

/// <summary>The hints of the selected step revealed so far (in order) and how many the step has.</summary>
public sealed record HintState(IReadOnlyList<string> Revealed, int Total)
{
    public static readonly HintState None = new([], 0);

    public bool AnyLeft => Revealed.Count < Total;
}
