using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

// A stand-in for Dapper's extension methods over ADO.NET connections. Only the shapes matter.

namespace Dapper
{
    public static class SqlMapper
    {
        public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) =>
            Task.FromResult(Enumerable.Empty<T>());

        public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection cnn, CommandDefinition command) =>
            Task.FromResult(Enumerable.Empty<T>());

        public static Task<T?> QueryFirstOrDefaultAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) =>
            Task.FromResult<T?>(default);

        public static Task<T?> QuerySingleOrDefaultAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) =>
            Task.FromResult<T?>(default);

        public static Task<T?> QuerySingleOrDefaultAsync<T>(this IDbConnection cnn, CommandDefinition command) =>
            Task.FromResult<T?>(default);

        public static Task<int> ExecuteAsync(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) =>
            Task.FromResult(0);

        public static Task<int> ExecuteAsync(this IDbConnection cnn, CommandDefinition command) => Task.FromResult(0);

        public static Task<T?> ExecuteScalarAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) =>
            Task.FromResult<T?>(default);
    }

    public readonly struct CommandDefinition
    {
        public CommandDefinition(string commandText, object? parameters = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null, CancellationToken cancellationToken = default)
        {
            CommandText = commandText;
            Parameters = parameters;
            Transaction = transaction;
            CommandTimeout = commandTimeout;
            CommandType = commandType;
            CancellationToken = cancellationToken;
        }

        public string CommandText { get; }

        public object? Parameters { get; }

        public IDbTransaction? Transaction { get; }

        public int? CommandTimeout { get; }

        public CommandType? CommandType { get; }

        public CancellationToken CancellationToken { get; }
    }

    public class DynamicParameters
    {
        private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);

        public DynamicParameters()
        {
        }

        public DynamicParameters(object? template)
        {
        }

        public IEnumerable<string> ParameterNames => _values.Keys;

        public void Add(string name, object? value = null, DbType? dbType = null, ParameterDirection? direction = null, int? size = null) => _values[name] = value;

        public T Get<T>(string name) => (T)_values[name]!;
    }
}
