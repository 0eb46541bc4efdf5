using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Querying.Sql;

// The small SQL layer the repositories share, in place of ADO.NET and Dapper. What prints what:
// - SqlStatement.ToString() prints its text only: the parameterised SQL, without values.
// - SqlArg is a positional record: it prints its name and its value.
// - SqlNormalizer.Normalize replaces string and number literals with '?' and collapses whitespace,
//   as a query-plan cache and a slow-query digest key statements.
// - QueryPlanCache is an in-process dictionary, not telemetry; Keys lists what it is keyed by.
// - SqlTimeoutException names the statement's tag and the timeout only.

public sealed record SqlArg(string Name, object? Value);

public sealed class SqlStatement(string text, IReadOnlyList<SqlArg> args, string tag = "")
{
    public string Text { get; } = text;

    public IReadOnlyList<SqlArg> Args { get; } = args;

    public string Tag { get; } = tag;

    public override string ToString() => Text;
}

/// <summary>Builds the WHERE clause of a search from the criteria that were given, one parameter each.</summary>
public sealed class SqlWhereBuilder
{
    private readonly List<string> _clauses = new();
    private readonly List<SqlArg> _args = new();

    public int Count => _clauses.Count;

    public SqlWhereBuilder And(string clause, string parameter, object? value)
    {
        _clauses.Add(clause);
        _args.Add(new SqlArg(parameter, value));
        return this;
    }

    public SqlStatement Build(string selectFrom, string orderBy, int limit, string tag = "")
    {
        var text = new StringBuilder(selectFrom);
        if (_clauses.Count > 0)
        {
            text.Append(" WHERE ").Append(string.Join(" AND ", _clauses));
        }
        text.Append(" ORDER BY ").Append(orderBy).Append(" LIMIT ").Append(limit.ToString(CultureInfo.InvariantCulture));
        return new SqlStatement(text.ToString(), _args.ToList(), tag);
    }
}

public sealed class QueryResult<T>(IReadOnlyList<T> rows, TimeSpan elapsed)
{
    public IReadOnlyList<T> Rows { get; } = rows;

    public TimeSpan Elapsed { get; } = elapsed;
}

public interface ISqlRunner
{
    Task<QueryResult<T>> QueryAsync<T>(SqlStatement statement, CancellationToken cancellationToken = default);
}

public static class SqlNormalizer
{
    private static readonly Regex StringLiteral = new("'(?:[^']|'')*'", RegexOptions.Compiled);
    private static readonly Regex NumberLiteral = new(@"(?<![@\w])\d+(?:\.\d+)?", RegexOptions.Compiled);
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

    public static string Normalize(string sql)
    {
        var withoutStrings = StringLiteral.Replace(sql, "?");
        var withoutNumbers = NumberLiteral.Replace(withoutStrings, "?");
        return Whitespace.Replace(withoutNumbers, " ").Trim();
    }
}

public sealed class QueryPlanCache<TPlan>
{
    private readonly ConcurrentDictionary<string, TPlan> _plans = new(StringComparer.Ordinal);

    public int Count => _plans.Count;

    public IReadOnlyCollection<string> Keys => _plans.Keys.ToList();

    public bool TryGet(string key, out TPlan plan) => _plans.TryGetValue(key, out plan!);

    public TPlan GetOrAdd(string key, Func<string, TPlan> compile) => _plans.GetOrAdd(key, compile);
}

public sealed class SqlTimeoutException(string tag, TimeSpan timeout)
    : TimeoutException($"Statement '{tag}' did not complete within {timeout.TotalSeconds} s")
{
    public string StatementTag { get; } = tag;
}
