namespace NakamuraMisaki.Application.Common.Paging;

/// <summary>Offset paging. Limits are validated by <see cref="PagingRules"/>.</summary>
public readonly record struct PageRequest(int Limit = PageRequest.DefaultLimit, int Offset = 0)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}
