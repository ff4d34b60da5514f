using System.Security.Cryptography;
using System.Text;

namespace NakamuraMisaki.Import.Common;

/// <summary>RFC 9562 §5.5 UUID version 5: the same namespace and name always give the same id.</summary>
public static class NameBasedUuid
{
    public static Guid Version5(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);

        // SHA-1 is what version 5 is defined with; it names records here, it protects nothing.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var uuid = hash.AsSpan(0, 16).ToArray();
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5 in the high nibble of octet 6
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // variant 10xx (RFC 9562) in octet 8
        return new Guid(uuid, bigEndian: true);
    }
}
