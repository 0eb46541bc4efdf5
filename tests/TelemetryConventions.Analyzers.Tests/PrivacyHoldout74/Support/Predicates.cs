using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Querying.Linq;

// The shared predicate helpers and read stores the repositories use. What prints what:
// - A lambda written in code, `p => p.Email == email`, prints a captured local as the closure's
//   member access: `p => (p.Email == value(<display class>).email)`, not the value.
// - Predicates.Equal, StartsWith and In build the expression with each value as Expression.Constant,
//   so ToString() prints the values inline: `x => (x.Email == "a@b.example")`; In is an OR of
//   equalities, `x => ((x.Mpan == "1200…") OrElse (x.Mpan == "1900…"))`.
// - Predicates.Inline replaces every captured member access with a constant of its current value
//   (as a query cache's partial evaluator does), so its result prints the captured values too.
// - Predicates.Describe prints only the member names the predicate reads.
// - IReadStore is storage, not telemetry.

public static class Predicates
{
    public static Expression<Func<T, bool>> Equal<T>(string property, object? value)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var member = Expression.Property(x, property);
        var body = Expression.Equal(member, Expression.Constant(value, member.Type));
        return Expression.Lambda<Func<T, bool>>(body, x);
    }

    public static Expression<Func<T, bool>> StartsWith<T>(string property, string prefix)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var member = Expression.Property(x, property);
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), new[] { typeof(string) })!;
        var body = Expression.Call(member, startsWith, Expression.Constant(prefix));
        return Expression.Lambda<Func<T, bool>>(body, x);
    }

    /// <summary>An OR of equalities, one per value (the read stores' provider does not translate Contains).</summary>
    public static Expression<Func<T, bool>> In<T, TValue>(string property, IReadOnlyCollection<TValue> values)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var member = Expression.Property(x, property);
        Expression body = Expression.Constant(false);
        foreach (var value in values)
        {
            var equal = Expression.Equal(member, Expression.Constant(value, member.Type));
            body = body is ConstantExpression { Value: false } ? equal : Expression.OrElse(body, equal);
        }
        return Expression.Lambda<Func<T, bool>>(body, x);
    }

    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var x = left.Parameters[0];
        var rightBody = new Rebind(right.Parameters[0], x).Visit(right.Body)!;
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, rightBody), x);
    }

    public static Expression<Func<T, bool>> Inline<T>(Expression<Func<T, bool>> predicate) =>
        (Expression<Func<T, bool>>)new ClosureInliner().Visit(predicate)!;

    public static string Describe(LambdaExpression predicate)
    {
        var members = new MemberCollector(predicate.Parameters[0]);
        members.Visit(predicate.Body);
        return string.Join(",", members.Names);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private sealed class ClosureInliner : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ConstantExpression closure)
            {
                var value = node.Member switch
                {
                    FieldInfo field => field.GetValue(closure.Value),
                    PropertyInfo property => property.GetValue(closure.Value),
                    _ => null,
                };
                return Expression.Constant(value, node.Type);
            }
            return base.VisitMember(node);
        }
    }

    private sealed class MemberCollector(ParameterExpression parameter) : ExpressionVisitor
    {
        public List<string> Names { get; } = new();

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == parameter && !Names.Contains(node.Member.Name))
            {
                Names.Add(node.Member.Name);
            }
            return base.VisitMember(node);
        }
    }
}

public interface IReadStore<T>
{
    Task<IReadOnlyList<T>> WhereAsync(Expression<Func<T, bool>> predicate, int take, CancellationToken cancellationToken = default);

    Task<int> CountAsync(Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default);
}
