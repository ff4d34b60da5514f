using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.Handoffs;

namespace NakamuraMisaki.Application.Handoffs;

internal static class HandoffPages
{
    public static Page<HandoffResponse> ToResponses(this Page<Handoff> page) =>
        new(page.Items.Select(HandoffResponse.From).ToArray(), page.Total, page.Limit, page.Offset);
}
