using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Domain.Notes;
using static NakamuraMisaki.Infrastructure.Persistence.Configurations.NoteConfiguration;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <summary>A note and how well it matched a search, before it becomes a <see cref="NoteSearchHit"/>.</summary>
internal sealed class ScoredNote
{
    public required Note Note { get; init; }
    public required double Score { get; init; }
}

/// <summary>
/// The Application's response projections (<see cref="NoteResponse.Projection"/>, <see cref="NoteSearchHit.Projection"/>)
/// with the embedding model read from its column, so queries translate them to SQL and never load the embedding.
/// </summary>
internal static class NoteProjections
{
    public static readonly Expression<Func<Note, NoteResponse>> Response = Bind<Note, NoteResponse>(
        NoteResponse.Projection, note => [note, ModelOf(note)]);

    public static readonly Expression<Func<ScoredNote, NoteSearchHit>> Hit = Bind<ScoredNote, NoteSearchHit>(
        NoteSearchHit.Projection, scored =>
        {
            var note = Expression.Property(scored, nameof(ScoredNote.Note));
            return [note, ModelOf(note), Expression.Property(scored, nameof(ScoredNote.Score))];
        });

    /// <summary><c>EF.Property&lt;string?&gt;(note, "EmbeddingModel")</c>, the shadow property, as an expression.</summary>
    private static MethodCallExpression ModelOf(Expression note) =>
        Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], note, Expression.Constant(EmbeddingModel));

    /// <summary>Turns a projection of several arguments into a lambda of one source, each argument read from it.</summary>
    private static Expression<Func<TSource, TResult>> Bind<TSource, TResult>(
        LambdaExpression projection, Func<ParameterExpression, Expression[]> arguments)
    {
        var source = Expression.Parameter(typeof(TSource), "source");
        var body = projection.Body;
        foreach (var (parameter, argument) in projection.Parameters.Zip(arguments(source)))
        {
            body = ReplacingExpressionVisitor.Replace(parameter, argument, body);
        }

        return Expression.Lambda<Func<TSource, TResult>>(body, source);
    }
}
