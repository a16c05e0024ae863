using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>Runs the main window headless on the ANSI driver and reads the screen back as text.</summary>
internal sealed class TuiHarness : IDisposable
{
    private readonly SessionToken? _session;

    public TuiHarness(FakeTutorEngine engine, TuiOptions? options = null, int width = 110, int height = 32, ICommandRunner? runner = null)
    {
        Engine = engine;
        Runner = runner ?? new FakeCommandRunner();
        App = Application.Create();
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Window = new MainWindow(App, engine, options ?? new TuiOptions(false, GlyphSet.Unicode), Dialogs, Runner, Written.Add);
        _session = App.Begin(Window);
        App.LayoutAndDraw(true);
    }

    public IApplication App { get; }

    public FakeTutorEngine Engine { get; }

    public FakeDialogs Dialogs { get; } = new();

    public ICommandRunner Runner { get; }

    /// <summary>What the window wrote to the terminal beside the screen (escape sequences such as OSC 52).</summary>
    public List<string> Written { get; } = [];

    public MainWindow Window { get; }

    public string Screen
    {
        get
        {
            App.LayoutAndDraw(true);
            return App.Driver!.ToString() ?? "";
        }
    }

    public IReadOnlyList<string> Lines => Screen.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    public void Press(Key key) => App.Keyboard.RaiseKeyDownEvent(key);

    public void Press(char c) => Press(new Key(c));

    public void Dispose()
    {
        if (_session is not null)
        {
            App.End(_session);
        }

        Window.Dispose();
        App.Dispose();
    }
}
