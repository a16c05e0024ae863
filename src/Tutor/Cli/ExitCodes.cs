namespace Tutor.Cli;

/// <summary>Exit statuses scripts and CI rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;
    public const int Unreachable = 3;
}
