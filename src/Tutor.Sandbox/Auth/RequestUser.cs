namespace Tutor.Sandbox.Auth;

/// <summary>
/// The user of the request being served, for the few write checks that depend on who writes (RBAC escalation)
/// but run deep inside the resource handler. Null outside a request (controllers, direct store use).
/// </summary>
public static class RequestUser
{
    private static readonly AsyncLocal<UserInfo?> Current = new();

    public static UserInfo? Value => Current.Value;

    public static IDisposable Enter(UserInfo user)
    {
        var previous = Current.Value;
        Current.Value = user;
        return new Restore(previous);
    }

    private sealed class Restore(UserInfo? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
