using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;

namespace PrivacyHoldout5.Support;

// A Dapper-shaped micro-ORM stand-in: extension methods on a connection taking an anonymous or
// typed parameter object. It returns nothing; only the shapes matter.
public static class SqlMapper
{
    public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection connection, string sql, object? param = null) =>
        Task.FromResult(Enumerable.Empty<T>());

    public static Task<T?> QuerySingleOrDefaultAsync<T>(this IDbConnection connection, string sql, object? param = null) =>
        Task.FromResult(default(T));

    public static Task<int> ExecuteAsync(this IDbConnection connection, string sql, object? param = null) =>
        Task.FromResult(0);
}

public interface IDbConnectionFactory
{
    IDbConnection Open();
}
