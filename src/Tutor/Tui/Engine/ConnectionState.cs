namespace Tutor.Tui;

public enum ConnectionState
{
    Connecting,
    Connected,
    Lost,
}
