namespace Tutor.Core.Cluster;

public enum ApplyAction
{
    Created,
    Configured,
    Unchanged,
}
