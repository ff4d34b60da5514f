using NakamuraMisaki.Domain.Notes;

namespace NakamuraMisaki.UnitTests.Domain;

public sealed class NoteTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_note_without_a_category_is_general()
    {
        Assert.Equal("general", Note.Create("U1", null, null, "x", Now).Category);
        Assert.Equal("decisions", Note.Create("U1", null, "decisions", "x", Now).Category);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void A_note_needs_content(string content) =>
        Assert.Throws<ArgumentException>(() => Note.Create("U1", null, null, content, Now));

    [Fact]
    public void Ids_follow_creation_time_so_keyset_passes_go_oldest_first()
    {
        var earlier = Note.Create("U1", null, null, "a", Now);
        var later = Note.Create("U1", null, null, "b", Now.AddMilliseconds(5));

        Assert.True(string.CompareOrdinal(earlier.Id.ToString(), later.Id.ToString()) < 0);
    }

    [Fact]
    public void The_creation_time_is_stored_at_microsecond_precision_in_utc()
    {
        var note = Note.Create("U1", "s1", null, "x", new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.FromHours(9)).AddTicks(7));

        Assert.Equal(Now, note.CreatedAt);
        Assert.Equal(TimeSpan.Zero, note.CreatedAt.Offset);
    }
}
