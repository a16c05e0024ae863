namespace Tutor.Core.Cluster;

public enum ProbeStatus
{
    Reachable,
    Unreachable,
    Unauthorized,
    Forbidden,
}
