using System.Linq.Expressions;
using System.Reflection;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Domain.Tasks.Specifications;

namespace NakamuraMisaki.Infrastructure.Persistence.Specifications;

/// <summary>
/// Puts the Domain's rule expressions where a query names them (<c>t.IsVisibleTo(viewer)</c>, <c>t.IsOpen</c>,
/// <c>t.IsOverdueAt(now)</c>), so
/// every query, compiled ones included, translates the one written rule. Works like LINQKit's Expand, for our rules only.
/// </summary>
internal static class SpecificationExpander
{
    private static readonly MethodInfo IsVisibleTo =
        typeof(TaskSpecifications).GetMethod(nameof(TaskSpecifications.IsVisibleTo))!;

    private static readonly MethodInfo IsOverdueAt = typeof(TaskItem).GetMethod(nameof(TaskItem.IsOverdueAt))!;

    private static readonly PropertyInfo IsOpen = typeof(TaskItem).GetProperty(nameof(TaskItem.IsOpen))!;

    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Visitor().Visit(query);

    // Arity overloads, so a compiled query's lambda infers its types (C# cannot infer a bare Expression<T>).
    public static Expression<Func<T1, T2, T3, T4, TResult>> Expand<T1, T2, T3, T4, TResult>(
        Expression<Func<T1, T2, T3, T4, TResult>> query) => Expand<Func<T1, T2, T3, T4, TResult>>(query);

    public static Expression<Func<T1, T2, T3, T4, T5, TResult>> Expand<T1, T2, T3, T4, T5, TResult>(
        Expression<Func<T1, T2, T3, T4, T5, TResult>> query) => Expand<Func<T1, T2, T3, T4, T5, TResult>>(query);

    public static Expression<Func<T1, T2, T3, T4, T5, T6, TResult>> Expand<T1, T2, T3, T4, T5, T6, TResult>(
        Expression<Func<T1, T2, T3, T4, T5, T6, TResult>> query) => Expand<Func<T1, T2, T3, T4, T5, T6, TResult>>(query);

    private sealed class Visitor : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method == IsVisibleTo ? Visit(Inline(TaskSpecifications.VisibleTo, node.Arguments[0], node.Arguments[1]))
            : node.Method == IsOverdueAt && node.Object is not null
                ? Visit(Inline(TaskSpecifications.OverdueAt, node.Object, node.Arguments[0]))
            : base.VisitMethodCall(node);

        protected override Expression VisitMember(MemberExpression node) => node.Member == IsOpen && node.Expression is not null
            ? Visit(Inline(TaskSpecifications.Open, node.Expression))
            : base.VisitMember(node);
    }

    private static Expression Inline(LambdaExpression rule, params Expression[] arguments)
    {
        var replacements = rule.Parameters.Zip(arguments).ToDictionary(p => (Expression)p.First, p => p.Second);
        return new Replacer(replacements).Visit(rule.Body);
    }

    private sealed class Replacer(Dictionary<Expression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
