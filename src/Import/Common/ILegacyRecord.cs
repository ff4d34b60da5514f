namespace NakamuraMisaki.Import.Common;

/// <summary>A validated record of an old store, ready to be written.</summary>
public interface ILegacyRecord
{
    /// <summary>The row's primary key as text (uuid in its canonical lower-case form): one record per key.</summary>
    string Key { get; }
}
