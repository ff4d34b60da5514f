namespace NakamuraMisaki.Application.Common.Paging;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);
