namespace Tutor.Tui;

/// <summary>How an object in the objects panel is marked: ● ready, ◌ on its way, ✗ failing, or no mark (a Service, a ConfigMap).</summary>
public enum ObjectHealth
{
    None,
    Ready,
    Progressing,
    Failing,
}
