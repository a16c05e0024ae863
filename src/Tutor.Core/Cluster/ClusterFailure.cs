namespace Tutor.Core.Cluster;

/// <summary>Why a request to the cluster failed, in the terms the learner and the CLI's exit status need.</summary>
public enum ClusterFailure
{
    /// <summary>Connection refused, DNS failure, TLS failure or timeout: the API server could not be talked to.</summary>
    Unreachable,

    /// <summary>401: the credentials were refused.</summary>
    Unauthorized,

    /// <summary>403: the credentials are fine but lack a right.</summary>
    Forbidden,

    NotFound,

    /// <summary>410: a watch or list resourceVersion is too old; re-list.</summary>
    Gone,

    /// <summary>The cluster does not serve the kind a manifest or check names.</summary>
    NotServed,

    /// <summary>Any other answer from the API server (validation errors, conflicts, 5xx).</summary>
    Rejected,

    /// <summary>Tutor refused to act (for example a reset outside Tutor's namespaces).</summary>
    Refused,
}
