namespace NakamuraMisaki.Import;

public enum ImportMode
{
    /// <summary>Insert what is missing; report what is already there, what conflicts and what was refused.</summary>
    Import,

    /// <summary>Read, validate and compare with the database; write nothing.</summary>
    DryRun,

    /// <summary>Compare the sources with the database and list every record missing from it or different in it.</summary>
    Verify,
}
