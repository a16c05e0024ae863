namespace Tutor.Core.Catalogue;

public sealed record Level(int Id, string Title, string Summary);
