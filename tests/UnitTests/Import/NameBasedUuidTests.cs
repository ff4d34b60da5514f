using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Import.Notes;

namespace NakamuraMisaki.UnitTests.Import;

public sealed class NameBasedUuidTests
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void Version5_matches_the_rfc_9562_example()
    {
        // RFC 9562 Appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedUuid.Version5(DnsNamespace, "www.example.com"));
    }

    [Fact]
    public void Version5_sets_version_and_variant()
    {
        var text = NameBasedUuid.Version5(LegacyNoteIdentity.Namespace, "anything").ToString();

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void A_note_keeps_its_id_whatever_offset_its_timestamp_was_written_with()
    {
        var utc = LegacyNoteIdentity.Derive("U1", "decisions", new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero), "本文");
        var tokyo = LegacyNoteIdentity.Derive("U1", "decisions", new DateTimeOffset(2024, 2, 1, 18, 0, 0, TimeSpan.FromHours(9)), "本文");

        Assert.Equal(utc, tokyo);
        Assert.NotEqual(utc, LegacyNoteIdentity.Derive("U1", "decisions", new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero), "本文 "));
        Assert.NotEqual(utc, LegacyNoteIdentity.Derive("U2", "decisions", new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero), "本文"));
        // Fixed (Python's uuid.uuid5 agrees): if this changes, every note imported before would be imported again as new.
        Assert.Equal(new Guid("2a44fb62-212e-5c1f-849b-12fa5783b678"), utc);
    }
}
