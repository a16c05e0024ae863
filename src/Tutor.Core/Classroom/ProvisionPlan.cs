namespace Tutor.Core.Classroom;

/// <summary>The whole room's plan, or the reasons nothing may be applied.</summary>
public sealed record ProvisionPlan(string Classroom, IReadOnlyList<LearnerPlan> Learners, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;

    public IReadOnlyList<LearnerPlan> Pending => Learners.Where(l => !l.UpToDate).ToList();

    /// <summary>One line for the instructor: "12 learners, all up to date" or what is about to change.</summary>
    public string Summary()
    {
        var total = $"{Learners.Count} learner{(Learners.Count == 1 ? "" : "s")}";
        if (Pending.Count == 0) return $"{total}, all up to date";
        var added = Learners.Count(l => l.IsNew);
        var changed = Learners.Count(l => !l.IsNew && l.Changes.Count > 0);
        var tokens = Learners.Count(l => !l.IsNew && l.Changes.Count == 0 && l.TokenReason is not null);
        var parts = new[] { (added, "to add"), (changed, "to update"), (tokens, "with a new token"), (Learners.Count - Pending.Count, "up to date") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}");
        return $"{total}: {string.Join(", ", parts)}";
    }
}
