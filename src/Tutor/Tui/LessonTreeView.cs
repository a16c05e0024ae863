using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Tutor.Core.Catalogue;

namespace Tutor.Tui;

/// <summary>The left pane: levels and their lessons with a mark each; Enter (or a double click) opens a lesson.</summary>
public sealed class LessonTreeView : FrameView
{
    private readonly GlyphSet _glyphs;
    private readonly TreeView<LessonTreeNode> _tree;
    private TutorState? _state;
    private Catalogue? _catalogue;
    private string? _shownLesson;
    private LessonTreeNode? _reveal;

    public LessonTreeView(GlyphSet glyphs)
    {
        _glyphs = glyphs;
        Title = "Lessons";
        TabStop = TabBehavior.TabStop;

        _tree = new TreeView<LessonTreeNode>
        {
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            AllowLetterBasedNavigation = false,
            TreeBuilder = new DelegateTreeBuilder<LessonTreeNode>(node => node.Children, node => node.Children.Count > 0),
            AspectGetter = TextOf,
            Style = new TreeStyle
            {
                ShowBranchLines = false,
                CollapseableSymbol = Rune.GetRuneAt(glyphs.Expanded, 0),
                ExpandableSymbol = Rune.GetRuneAt(glyphs.Collapsed, 0),
            },
        };

        // Vim-style movement, as in k9s and less.
        _tree.KeyBindings.Add(Key.J, Command.Down);
        _tree.KeyBindings.Add(Key.K, Command.Up);
        _tree.Accepting += (_, e) =>
        {
            if (_tree.SelectedObject is { Lesson: { } lesson })
            {
                LessonOpened?.Invoke(lesson);
                e.Handled = true;
            }
        };
        Add(_tree);

        // Scrolling a node into view needs the tree's real height, known only after layout.
        SubViewsLaidOut += (_, _) =>
        {
            if (_reveal is { } node && _tree.Viewport.Height > 0)
            {
                _reveal = null;
                _tree.EnsureVisible(node);
            }
        };
    }

    /// <summary>Raised when the learner opens a lesson (locked or not: the window decides what to say).</summary>
    public event Action<Lesson>? LessonOpened;

    public Lesson? SelectedLesson => _tree.SelectedObject?.Lesson;

    public void Update(TutorState state)
    {
        _state = state;
        if (!ReferenceEquals(state.Catalogue, _catalogue))
        {
            _catalogue = state.Catalogue;
            _tree.ClearObjects();
            _tree.AddObjects(LessonTreeNode.Build(state.Catalogue));
            _tree.ExpandAll();
            _shownLesson = null;
        }

        // Follow the engine's selection only when it changes, so browsing the tree is not undone by every update.
        var current = state.Step?.LessonId;
        if (current is not null && current != _shownLesson)
        {
            _shownLesson = current;
            var node = (_tree.Objects ?? []).SelectMany(level => level.Children).FirstOrDefault(n => n.Lesson?.Id == current);
            if (node is not null)
            {
                _tree.SelectedObject = node;
                _reveal = node;
            }
        }

        _tree.SetNeedsDraw();
    }

    /// <summary>Columns the pane needs to show every row whole: the longest row, its indent, and the frame.</summary>
    public int PreferredWidth()
    {
        var widest = (_tree.Objects ?? [])
            .SelectMany(level => level.Children.Select(lesson => TextOf(lesson).Length + LessonIndent).Prepend(TextOf(level).Length + 1))
            .DefaultIfEmpty(10)
            .Max();
        return widest + 2;
    }

    // Lessons sit under their level's expand symbol; the tree indents them by this many columns.
    private const int LessonIndent = 3;

    private string TextOf(LessonTreeNode node)
    {
        if (node.Level is { } level)
        {
            return LessonTreeText.Of(level);
        }

        var lesson = node.Lesson!;
        return LessonTreeText.Of(lesson, _state?.ProgressOf(lesson.Id) ?? LessonProgress.Open, _glyphs);
    }
}
