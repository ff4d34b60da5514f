using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Pgvector;

namespace NakamuraMisaki.Infrastructure.Persistence.Vectors;

/// <summary>
/// SQL functions that pin the untyped embedding column to one width, so queries match a model's partial HNSW index
/// (<see cref="NoteVectorIndex"/>): the planner uses an expression index only for the very same expression.
/// </summary>
public static class VectorWidth
{
    /// <summary>
    /// <c>embedding::vector(width)</c>. Pass the width as <c>EF.Constant(width)</c>: the index's expression holds a
    /// constant, and a parameter in its place would not match it. A test proves the match (NoteVectorWidthTests).
    /// </summary>
    public static Vector Cast(Vector embedding, int width) => throw Untranslated();

    /// <summary>pgvector's <c>vector_dims(embedding)</c>.</summary>
    public static int Dims(Vector embedding) => throw Untranslated();

    public static void Register(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDbFunction(typeof(VectorWidth).GetMethod(nameof(Dims))!).HasName("vector_dims");
        // `x::vector(768)` is the call vector(x, 768, true) (the explicit-cast form of pgvector's typmod coercion);
        // PostgreSQL compares expressions without their cast-or-call spelling, so this matches the index's cast.
        modelBuilder.HasDbFunction(typeof(VectorWidth).GetMethod(nameof(Cast))!).HasTranslation(arguments =>
            new SqlFunctionExpression(
                "vector",
                [arguments[0], arguments[1], new SqlFragmentExpression("true")],
                nullable: true,
                argumentsPropagateNullability: [true, false, false],
                typeof(Vector),
                arguments[0].TypeMapping));
    }

    private static InvalidOperationException Untranslated() =>
        new("VectorWidth functions run in SQL only, inside an EF Core query.");
}
