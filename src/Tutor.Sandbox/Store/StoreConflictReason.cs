namespace Tutor.Sandbox.Store;

public enum StoreConflictReason
{
    AlreadyExists,
    NotFound,
    /// <summary>The caller's resourceVersion is not the stored one (optimistic concurrency).</summary>
    VersionMismatch,
}
