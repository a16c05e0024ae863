namespace Tutor.Core.Cluster;

/// <summary>A failed cluster operation with a message fit to show the learner as is.</summary>
public sealed class ClusterException : Exception
{
    public ClusterException(ClusterFailure failure, string message, int? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    public ClusterFailure Failure { get; }

    /// <summary>The HTTP status the API server answered, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>True for failures the CLI reports with exit status 3 (cannot reach or not allowed in).</summary>
    public bool IsConnectionProblem => Failure is ClusterFailure.Unreachable or ClusterFailure.Unauthorized;
}
