namespace Tutor.Core.Checks;

public enum LabelOperator { Equals, NotEquals, In, NotIn, Exists, DoesNotExist }

/// <summary>One term of a label selector: <c>app=vote</c>, <c>tier in (front,back)</c>, <c>!canary</c>.</summary>
public sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Equals => has && value == Values[0],
            // As in Kubernetes: a missing label satisfies "!=" and "notin".
            LabelOperator.NotEquals => !has || value != Values[0],
            LabelOperator.In => has && Values.Contains(value!),
            LabelOperator.NotIn => !has || !Values.Contains(value!),
            LabelOperator.Exists => has,
            LabelOperator.DoesNotExist => !has,
            _ => false,
        };
    }

    public override string ToString() => Operator switch
    {
        LabelOperator.Equals => $"{Key}={Values[0]}",
        LabelOperator.NotEquals => $"{Key}!={Values[0]}",
        LabelOperator.In => $"{Key} in ({string.Join(",", Values)})",
        LabelOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        LabelOperator.Exists => Key,
        LabelOperator.DoesNotExist => $"!{Key}",
        _ => Key,
    };
}
